-- Online applications (オンライン申請). A draft and the application it becomes are one row: the id a
-- resident saw while filling in the form stays the application's id, and attachments stored against it
-- need no moving. Answers are JSON text (see procedures.Answers); the procedure version is pinned.
CREATE TABLE application (
    id                  UUID          PRIMARY KEY,
    receipt_number      VARCHAR(20)   UNIQUE,
    procedure_id        VARCHAR(63)   NOT NULL,
    procedure_version   INTEGER       NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    applicant_account   UUID,
    anonymous_owner     VARCHAR(64),
    api_client          VARCHAR(100),
    applicant_name      VARCHAR(200),
    applicant_email     VARCHAR(254),
    language            VARCHAR(2)    NOT NULL,
    answers             VARCHAR(1000000) NOT NULL,
    raw_input           VARCHAR(100000),
    current_page        VARCHAR(40),
    step_index          INTEGER       NOT NULL,
    assigned_to         VARCHAR(100),
    atena_number        VARCHAR(10),
    fee_yen             INTEGER,
    idempotency_key     VARCHAR(200),
    request_hash        VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE,
    due_at              TIMESTAMP WITH TIME ZONE,
    decided_at          TIMESTAMP WITH TIME ZONE,
    row_version         INTEGER       NOT NULL
);

-- a replayed Idempotency-Key finds the first request's application
CREATE UNIQUE INDEX application_idempotency ON application (api_client, idempotency_key);
-- staff queues: per procedure and status, oldest first (keyset pagination on submitted_at, id)
CREATE INDEX application_queue ON application (procedure_id, status, submitted_at, id);
CREATE INDEX application_status_queue ON application (status, submitted_at, id);
CREATE INDEX application_by_account ON application (applicant_account, updated_at);

CREATE SEQUENCE application_receipt_seq START WITH 1;

-- The timeline: every status change, staff action, comment and message, never updated.
CREATE TABLE application_event (
    application_id      UUID          NOT NULL,
    seq                 INTEGER       NOT NULL,
    occurred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor               VARCHAR(254)  NOT NULL,
    actor_kind          VARCHAR(10)   NOT NULL,
    kind                VARCHAR(30)   NOT NULL,
    from_status         VARCHAR(20),
    to_status           VARCHAR(20),
    step_id             VARCHAR(40),
    note                VARCHAR(4000),
    internal            BOOLEAN       NOT NULL,
    PRIMARY KEY (application_id, seq)
);

-- Pull-type feed of accepted applications for core systems. Sequence numbers are handed out under the
-- lock of the counter row, held until commit, so a reader never skips an entry that commits later.
CREATE TABLE application_feed (
    seq                 BIGINT        PRIMARY KEY,
    application_id      UUID          NOT NULL,
    procedure_id        VARCHAR(63)   NOT NULL,
    accepted_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE application_feed_counter (
    name                VARCHAR(20)   PRIMARY KEY,
    last_seq            BIGINT        NOT NULL
);
INSERT INTO application_feed_counter (name, last_seq) VALUES ('accepted', 0);

-- Where each consumer has acknowledged the feed up to (at-least-once delivery).
CREATE TABLE application_feed_ack (
    consumer            VARCHAR(200)  PRIMARY KEY,
    acked_seq           BIGINT        NOT NULL,
    acked_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
