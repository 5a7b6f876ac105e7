-- Published procedure definitions (手続定義). A version is never updated or deleted: an application
-- keeps the version it was filed under. The unique sha256 per procedure makes publishing the same text
-- twice (two nodes loading the same file at start) store it once.
CREATE TABLE procedure_version (
    procedure_id  VARCHAR(63)      NOT NULL,
    version       INTEGER          NOT NULL,
    source        VARCHAR(1000000) NOT NULL,
    sha256        VARCHAR(64)      NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by  VARCHAR(60)      NOT NULL,
    CONSTRAINT pk_procedure_version PRIMARY KEY (procedure_id, version),
    CONSTRAINT uq_procedure_version_sha256 UNIQUE (procedure_id, sha256)
);
