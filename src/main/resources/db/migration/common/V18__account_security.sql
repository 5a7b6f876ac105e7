-- Resident account security (issue 5): NFKC passwords, shared rate limits, optional TOTP.

-- Whether password_hash was made from the NFKC form of the password. Hashes made before are FALSE and are
-- checked against the password exactly as typed, then remade from the NFKC form at the next sign-in.
ALTER TABLE resident_account ADD COLUMN password_nfkc BOOLEAN DEFAULT FALSE NOT NULL;

-- Fixed-window request counters shared by every application node (per client address and action).
-- window_start is the window's first second (epoch seconds); old windows are deleted by a scheduled cleanup.
CREATE TABLE rate_limit_counter (
    limit_key     VARCHAR(100)  NOT NULL,
    window_start  BIGINT        NOT NULL,
    hits          INTEGER       NOT NULL,
    PRIMARY KEY (limit_key, window_start)
);
CREATE INDEX ix_rate_limit_counter_window ON rate_limit_counter (window_start);

-- A resident's TOTP authenticator (RFC 6238). secret is the 96-bit nonce followed by the AES-256-GCM
-- ciphertext of the shared secret (key: madoguchi.accounts.totp-key, the account id as associated data).
-- confirmed_at is NULL while the resident has not yet typed a first code; last_used_step is the last
-- 30-second step that signed in, so that a code works once.
CREATE TABLE resident_totp (
    account_id      UUID          PRIMARY KEY REFERENCES resident_account (id),
    secret          BYTEA         NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    last_used_step  BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time recovery codes (予備コード) for a lost authenticator: only a keyed HMAC of each code is stored.
CREATE TABLE resident_recovery_code (
    account_id  UUID         NOT NULL REFERENCES resident_account (id),
    code_hash   VARCHAR(64)  NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, code_hash)
);
