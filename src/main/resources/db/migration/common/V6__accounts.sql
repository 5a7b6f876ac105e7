-- Resident accounts (利用者アカウント) of the resident portal.
-- email_key is the address in lower case: addresses are unique regardless of case, and sign-in
-- ignores case. The password is stored as an Argon2 hash (the application's PasswordEncoder).
CREATE TABLE resident_account (
    id                    UUID          PRIMARY KEY,
    email                 VARCHAR(254)  NOT NULL,
    email_key             VARCHAR(254)  NOT NULL,
    password_hash         VARCHAR(200)  NOT NULL,
    name                  VARCHAR(100)  NOT NULL,
    kana                  VARCHAR(100)  NOT NULL,
    birth_date            DATE          NOT NULL,
    phone                 VARCHAR(20)   NOT NULL,
    postal_code           VARCHAR(8)    NOT NULL,
    address               VARCHAR(200)  NOT NULL,
    building              VARCHAR(100),
    language              VARCHAR(2)    NOT NULL,
    email_verified_at     TIMESTAMP WITH TIME ZONE,
    -- when the last verification / reset mail was asked for: at most one a minute
    verification_sent_at  TIMESTAMP WITH TIME ZONE,
    reset_sent_at         TIMESTAMP WITH TIME ZONE,
    failed_attempts       INTEGER       NOT NULL,
    locked_until          TIMESTAMP WITH TIME ZONE,
    last_sign_in_at       TIMESTAMP WITH TIME ZONE,
    -- link to the register (宛名番号), made at the counter after an identity document was checked
    atena_number          VARCHAR(10),
    linked_at             TIMESTAMP WITH TIME ZONE,
    linked_by             VARCHAR(60),
    link_method           VARCHAR(20),
    link_document         VARCHAR(30),
    demo                  BOOLEAN       NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_resident_account_email ON resident_account (email_key);
CREATE INDEX ix_resident_account_atena ON resident_account (atena_number);

-- One-time tokens sent by mail (email verification, password reset). Only the SHA-256 of the token
-- is stored, so a copy of the database does not hand out working links.
CREATE TABLE resident_account_token (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    account_id   UUID         NOT NULL REFERENCES resident_account (id),
    purpose      VARCHAR(20)  NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_resident_account_token_account ON resident_account_token (account_id, purpose);
