-- The ledger: what the business imported (customer, invoice, payment, dispute, promise) and
-- what the statement cycles made of it (ledger_item, payment_posting, allocation, account_state,
-- account_cycle, write_off, referral, aged_balance, cycle).
--
-- Imported tables are never changed by a cycle, so importing the same files again can compare
-- a row with what was loaded before. Cycle tables are only written by the cycle's steps.
--
-- Every table uses a binary collation: the spec orders strings by their UTF-8 bytes, never by
-- a case-insensitive collation. H2 (MySQL mode) accepts and ignores the table options and
-- compares strings by code unit, which is the same order for the identifiers import accepts.

CREATE TABLE customer (
    account_number    VARCHAR(64)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    email             VARCHAR(200),
    phone             VARCHAR(64),
    address_line1     VARCHAR(200),
    address_line2     VARCHAR(200),
    city              VARCHAR(100),
    region            VARCHAR(100),
    postal_code       VARCHAR(32),
    country           VARCHAR(64),
    customer_since    DATE         NOT NULL,
    late_fee_mode     VARCHAR(10),
    recurring_service BOOLEAN      NOT NULL,
    PRIMARY KEY (account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE invoice (
    invoice_number VARCHAR(64)   NOT NULL,
    account_number VARCHAR(64)   NOT NULL,
    issue_date     DATE          NOT NULL,
    due_date       DATE          NOT NULL,
    amount         DECIMAL(15,2) NOT NULL,
    description    VARCHAR(500),
    PRIMARY KEY (invoice_number),
    CONSTRAINT fk_invoice_customer FOREIGN KEY (account_number) REFERENCES customer (account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_invoice_account ON invoice (account_number, issue_date);

CREATE TABLE payment (
    payment_id     VARCHAR(64)   NOT NULL,
    account_number VARCHAR(64)   NOT NULL,
    invoice_number VARCHAR(64),
    received_date  DATE          NOT NULL,
    amount         DECIMAL(15,2) NOT NULL,
    reference      VARCHAR(200),
    PRIMARY KEY (payment_id),
    CONSTRAINT fk_payment_customer FOREIGN KEY (account_number) REFERENCES customer (account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_payment_account ON payment (account_number, received_date);

-- An invoice may be disputed more than once; a dispute is keyed by its invoice and opening date.
CREATE TABLE dispute (
    invoice_number VARCHAR(64) NOT NULL,
    opened_date    DATE        NOT NULL,
    resolved_date  DATE,
    reason         VARCHAR(500),
    PRIMARY KEY (invoice_number, opened_date),
    CONSTRAINT fk_dispute_invoice FOREIGN KEY (invoice_number) REFERENCES invoice (invoice_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A promise has no id of its own; one promise per account and creation date.
CREATE TABLE promise (
    account_number VARCHAR(64)   NOT NULL,
    created_date   DATE          NOT NULL,
    promised_date  DATE          NOT NULL,
    amount         DECIMAL(15,2) NOT NULL,
    PRIMARY KEY (account_number, created_date),
    CONSTRAINT fk_promise_customer FOREIGN KEY (account_number) REFERENCES customer (account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per statement cycle date; a cycle is COMPLETED only when its last step has run.
CREATE TABLE cycle (
    cycle_date   DATE        NOT NULL,
    status       VARCHAR(16) NOT NULL,
    started_at   TIMESTAMP   NOT NULL,
    completed_at TIMESTAMP   NULL,
    PRIMARY KEY (cycle_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Items of both kinds once a cycle has taken them into the ledger. An invoice item has
-- item_id = invoice_number; a fee item names the invoice it penalises and the cycle that made it.
CREATE TABLE ledger_item (
    item_id          VARCHAR(96)   NOT NULL,
    item_type        VARCHAR(8)    NOT NULL,
    account_number   VARCHAR(64)   NOT NULL,
    invoice_number   VARCHAR(64)   NOT NULL,
    issue_date       DATE          NOT NULL,
    due_date         DATE          NOT NULL,
    amount           DECIMAL(15,2) NOT NULL,
    balance          DECIMAL(15,2) NOT NULL,
    paid_off_date    DATE,
    written_off_date DATE,
    posted_cycle     DATE          NOT NULL,
    fee_basis        DECIMAL(15,2),
    PRIMARY KEY (account_number, item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Keyed by account first: InnoDB stores an account's items together in account order, which is
-- the order every cycle step reads and writes them in (no sort, appends instead of random
-- inserts). Item ids are unique on their own (invoice numbers, and fee ids made from them).
-- Few indexes on purpose: every index is paid for on each of the cycle's batch inserts.
CREATE INDEX ix_item_posted ON ledger_item (posted_cycle, item_type);

-- A payment once a cycle has applied it: direct is what paid the invoice it was sent for
-- (item_id), to_credit what went to the account's credit (see allocation for where that went).
CREATE TABLE payment_posting (
    payment_id     VARCHAR(64)   NOT NULL,
    account_number VARCHAR(64)   NOT NULL,
    cycle_date     DATE          NOT NULL,
    item_id        VARCHAR(96),
    direct         DECIMAL(15,2) NOT NULL,
    to_credit      DECIMAL(15,2) NOT NULL,
    PRIMARY KEY (account_number, payment_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- How the account's credit paid items, oldest first (FIFO); payment_id is the payment the credit
-- came from when it was applied on its arrival, null for credit carried from an earlier cycle.
CREATE TABLE allocation (
    allocation_id  BIGINT        NOT NULL AUTO_INCREMENT,
    cycle_date     DATE          NOT NULL,
    account_number VARCHAR(64)   NOT NULL,
    item_id        VARCHAR(96)   NOT NULL,
    payment_id     VARCHAR(64),
    source         VARCHAR(8)    NOT NULL,
    applied_date   DATE          NOT NULL,
    amount         DECIMAL(15,2) NOT NULL,
    PRIMARY KEY (allocation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;


-- Per-account state carried from cycle to cycle.
CREATE TABLE account_state (
    account_number   VARCHAR(64)   NOT NULL,
    unapplied_credit DECIMAL(15,2) NOT NULL,
    referred_cycle   DATE,
    PRIMARY KEY (account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each account's dunning stage per cycle, and what the cycle did with the account.
CREATE TABLE account_cycle (
    cycle_date       DATE          NOT NULL,
    account_number   VARCHAR(64)   NOT NULL,
    previous_stage   VARCHAR(16)   NOT NULL,
    stage            VARCHAR(16)   NOT NULL,
    max_dpd          INT,
    past_due_total   DECIMAL(15,2) NOT NULL,
    balance          DECIMAL(15,2) NOT NULL,
    good_standing    BOOLEAN       NOT NULL,
    promise          VARCHAR(8),
    late_paid_count  INT           NOT NULL,
    referred_earlier BOOLEAN       NOT NULL,
    action           VARCHAR(16),
    suspend          BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (cycle_date, account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;


CREATE TABLE write_off (
    cycle_date     DATE          NOT NULL,
    item_id        VARCHAR(96)   NOT NULL,
    account_number VARCHAR(64)   NOT NULL,
    balance        DECIMAL(15,2) NOT NULL,
    reason         VARCHAR(32)   NOT NULL,
    PRIMARY KEY (cycle_date, item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE referral (
    cycle_date         DATE          NOT NULL,
    item_id            VARCHAR(96)   NOT NULL,
    account_number     VARCHAR(64)   NOT NULL,
    balance            DECIMAL(15,2) NOT NULL,
    dpd                INT           NOT NULL,
    referred_total     DECIMAL(15,2) NOT NULL,
    recommended_action VARCHAR(16)   NOT NULL,
    notices            VARCHAR(4000) NOT NULL,
    PRIMARY KEY (cycle_date, item_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Notices sent to an account: the cycle's statement (stage REMINDER to FINAL_DEMAND) or the
-- notice that the account was placed for collection (stage COLLECTIONS). The statement step
-- fills in the file it rendered and its SHA-256; the referral file lists the earlier notices.
CREATE TABLE notice (
    account_number VARCHAR(64)  NOT NULL,
    cycle_date     DATE         NOT NULL,
    stage          VARCHAR(16)  NOT NULL,
    file_name      VARCHAR(200),
    sha256         CHAR(64),
    PRIMARY KEY (account_number, cycle_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The aged receivables of a cycle, one row per account with an open item or unapplied credit.
CREATE TABLE aged_balance (
    cycle_date       DATE          NOT NULL,
    account_number   VARCHAR(64)   NOT NULL,
    current_amount   DECIMAL(15,2) NOT NULL,
    d1_30            DECIMAL(15,2) NOT NULL,
    d31_60           DECIMAL(15,2) NOT NULL,
    d61_90           DECIMAL(15,2) NOT NULL,
    d91_120          DECIMAL(15,2) NOT NULL,
    d121_plus        DECIMAL(15,2) NOT NULL,
    in_dispute       DECIMAL(15,2) NOT NULL,
    unapplied_credit DECIMAL(15,2) NOT NULL,
    total            DECIMAL(15,2) NOT NULL,
    stage            VARCHAR(16)   NOT NULL,
    PRIMARY KEY (cycle_date, account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Rows an import could not load; the import job writes them out as import-rejects.csv.
CREATE TABLE import_reject (
    reject_id      BIGINT        NOT NULL AUTO_INCREMENT,
    job_instance   BIGINT        NOT NULL,
    file_name      VARCHAR(64)   NOT NULL,
    line_number    BIGINT        NOT NULL,
    column_name    VARCHAR(64),
    field_value    VARCHAR(1000),
    reason         VARCHAR(500)  NOT NULL,
    PRIMARY KEY (reject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_import_reject_job ON import_reject (job_instance, file_name, line_number);
