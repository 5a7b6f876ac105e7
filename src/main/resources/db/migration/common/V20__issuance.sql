-- Electronic issuance (電子交付): the issuance history of the standard, the signed documents, download links and
-- third-party requests waiting for review. Valid on H2 2.x and PostgreSQL 13+.

-- 発行番号 serials: unique per copy, across nodes, without holding a lock while a document is signed
CREATE SEQUENCE issue_serial_seq START WITH 1;

-- One row per issued copy (each copy has its own 発行番号 and its own signature).
CREATE TABLE issued_document (
    id                   UUID          PRIMARY KEY,
    issue_number         VARCHAR(120)  NOT NULL UNIQUE,   -- 発行番号 without the page part
    verification_code    VARCHAR(40)   NOT NULL UNIQUE,   -- random; the QR link carries only this
    kind                 VARCHAR(24)   NOT NULL,          -- JUMINHYO_COPY, JOHYO_COPY, KISAI_JIKO_SHOMEI
    layout               VARCHAR(12)   NOT NULL,          -- HOUSEHOLD (世帯連記式) or INDIVIDUAL (個人票)
    items                VARCHAR(200)  NOT NULL,          -- printed optional items, comma-separated
    my_number_printed    BOOLEAN       NOT NULL,
    household_number     VARCHAR(10)   NOT NULL,
    subjects             VARCHAR(400)  NOT NULL,          -- 宛名番号 (and 履歴番号) of the persons on it
    requester            VARCHAR(200)  NOT NULL,          -- 宛名番号 of the requester, or name for a third party
    requester_relation   VARCHAR(12)   NOT NULL,          -- SELF, HOUSEHOLD, THIRD_PARTY
    purpose              VARCHAR(200),
    channel              VARCHAR(12)   NOT NULL,          -- COUNTER or ONLINE
    application_id       UUID,
    account_id           UUID,                            -- resident account that may download it (ONLINE)
    terminal             VARCHAR(40)   NOT NULL,          -- place/terminal (本庁1, 電子交付)
    issued_by            VARCHAR(60)   NOT NULL,
    issued_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    pages                INTEGER       NOT NULL,
    document_sha256      VARCHAR(64)   NOT NULL UNIQUE,
    pdf                  BYTEA         NOT NULL,
    ledger_entry_id      BIGINT        NOT NULL,
    revoked_at           TIMESTAMP WITH TIME ZONE,
    revoked_by           VARCHAR(60),
    revocation_reason    VARCHAR(400),
    revocation_ledger_entry_id BIGINT
);
CREATE INDEX ix_issued_application ON issued_document (application_id);
CREATE INDEX ix_issued_account ON issued_document (account_id, issued_at);
CREATE INDEX ix_issued_time ON issued_document (issued_at);

-- Time-limited download links for residents (only the SHA-256 of the token is stored).
CREATE TABLE issuance_download (
    token_sha256   VARCHAR(64)  PRIMARY KEY,
    document_id    UUID         NOT NULL,
    account_id     UUID         NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_download_expiry ON issuance_download (expires_at);

-- A counter request by someone outside the household (第三者請求): waits for an examiner.
CREATE TABLE issuance_request (
    id                 UUID          PRIMARY KEY,
    kind               VARCHAR(24)   NOT NULL,
    layout             VARCHAR(12)   NOT NULL,
    items              VARCHAR(200)  NOT NULL,
    subjects           VARCHAR(400)  NOT NULL,
    requester          VARCHAR(200)  NOT NULL,
    purpose            VARCHAR(400)  NOT NULL,
    status             VARCHAR(12)   NOT NULL,          -- PENDING, APPROVED, REJECTED
    requested_by       VARCHAR(60)   NOT NULL,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by         VARCHAR(60),
    decided_at         TIMESTAMP WITH TIME ZONE,
    decision_note      VARCHAR(400),
    document_id        UUID
);
