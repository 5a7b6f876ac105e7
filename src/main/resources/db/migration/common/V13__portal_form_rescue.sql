-- A form a resident sent after their sign-in had expired: kept for a day under a one-time token (only its
-- SHA-256 is stored), so that after signing in again the page comes back with what was typed.
CREATE TABLE portal_form_rescue (
    token_hash   VARCHAR(64)      PRIMARY KEY,
    path         VARCHAR(300)     NOT NULL,
    parameters   VARCHAR(200000)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_portal_form_rescue_created ON portal_form_rescue (created_at);
