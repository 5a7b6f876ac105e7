-- Fees (手数料): one payment per reference (an application). version is the optimistic lock: every change
-- is UPDATE ... WHERE version = <read>, so that two staff members cannot record the same payment twice.
CREATE TABLE payment (
    reference        UUID PRIMARY KEY,
    amount_yen       INTEGER NOT NULL,
    provider         VARCHAR(40) NOT NULL,
    description      VARCHAR(200) NOT NULL,
    state            VARCHAR(20) NOT NULL,
    instructions_ja  VARCHAR(2000),
    instructions_en  VARCHAR(2000),
    redirect_url     VARCHAR(2000),
    paid_at          TIMESTAMP WITH TIME ZONE,
    paid_by          VARCHAR(100),
    receipt_number   VARCHAR(40),
    method           VARCHAR(20),
    waive_reason     VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER NOT NULL,
    CONSTRAINT payment_amount CHECK (amount_yen >= 0),
    CONSTRAINT payment_state CHECK (state IN ('NOT_REQUIRED', 'AWAITING_PAYMENT', 'PAID', 'WAIVED', 'CANCELLED'))
);

CREATE INDEX payment_state ON payment (state, created_at);
