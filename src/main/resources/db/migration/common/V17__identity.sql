-- Electronic signatures (電子署名) and what was proved with them.

-- The register finds the holder of a My Number Card certificate by its serial (signature matching, card sign-in).
CREATE INDEX ix_record_sign_cert ON resident_record (sign_cert_serial, latest);
CREATE INDEX ix_record_auth_cert ON resident_record (auth_cert_serial, latest);

-- CRLs as they were when a signature was checked, each kept once (a JPKI CRL is large and is consulted by many
-- signatures); the DER bytes let anyone redo the revocation check years later.
CREATE TABLE identity_crl (
    sha256        VARCHAR(64)   PRIMARY KEY,
    issuer        VARCHAR(500)  NOT NULL,
    crl_number    VARCHAR(50),
    this_update   TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update   TIMESTAMP WITH TIME ZONE,
    der           BYTEA         NOT NULL,
    stored_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every signature checked for a subject (an application), accepted or refused: the signed bytes, the CMS (it holds
-- the certificate chain), the verdict and report, and the match to the register. Never updated: a re-check is a
-- new row; a refused one stays as evidence of the attempt.
CREATE TABLE signature_evidence (
    id                 UUID          PRIMARY KEY,
    subject_type       VARCHAR(30)   NOT NULL,
    subject_id         UUID          NOT NULL,
    content_sha256     VARCHAR(64)   NOT NULL,
    content            BYTEA         NOT NULL,
    signature          BYTEA         NOT NULL,
    chain_pem          VARCHAR(100000),
    crl_sha256         VARCHAR(600),
    verdict            VARCHAR(10)   NOT NULL,
    reason             VARCHAR(40)   NOT NULL,
    outcome            VARCHAR(40)   NOT NULL,
    report             VARCHAR(100000) NOT NULL,
    certificate_serial VARCHAR(64),
    signer_atena       VARCHAR(10),
    match_method       VARCHAR(20),
    validation_time    TIMESTAMP WITH TIME ZONE,
    checked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_by         VARCHAR(80)   NOT NULL
);
CREATE INDEX ix_signature_evidence_subject ON signature_evidence (subject_id, checked_at);
