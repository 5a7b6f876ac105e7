-- Attachments (添付書類): metadata only; the bytes (original and sanitized copy) are in the blob storage
-- (a directory or an S3-compatible object store) under original_key and sanitized_key.
CREATE TABLE attachment (
    id             UUID PRIMARY KEY,
    owner_id       UUID NOT NULL,
    field_id       VARCHAR(100) NOT NULL,
    filename       VARCHAR(255) NOT NULL,
    content_type   VARCHAR(10) NOT NULL,
    size_bytes     BIGINT NOT NULL,
    sha256         VARCHAR(64) NOT NULL,
    original_key   VARCHAR(400) NOT NULL,
    sanitized_key  VARCHAR(400) NOT NULL,
    sanitized_size BIGINT NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT attachment_type CHECK (content_type IN ('PDF', 'JPEG', 'PNG')),
    CONSTRAINT attachment_size CHECK (size_bytes > 0 AND sanitized_size > 0)
);

CREATE INDEX attachment_owner ON attachment (owner_id, created_at);
