-- Rule 8's call list (package calls) and what the caller records after a call: promises, disputes
-- and notes typed in with `record-promise`, `record-dispute`, `record-note`. Recorded rows are kept
-- apart from the imported ledger tables, which an import of the bookkeeping's files owns, so that
-- importing those files again neither duplicates nor removes them.

-- One row per account to phone in a cycle, as decided by CallListRules; the rank is not stored but
-- numbered in the rule's order (reason_order, past_due_total from the largest, account_number).
CREATE TABLE call_list (
    cycle_date          DATE          NOT NULL,
    account_number      VARCHAR(64)   NOT NULL,
    reason              VARCHAR(16)   NOT NULL,
    reason_order        INT           NOT NULL,
    other_reasons       VARCHAR(64)   NOT NULL,
    stage               VARCHAR(16)   NOT NULL,
    past_due_total      DECIMAL(19,2) NOT NULL,
    max_dpd             INT,
    open_past_due_items INT           NOT NULL,
    good_standing       BOOLEAN       NOT NULL,
    paid_late_365       INT           NOT NULL,
    invoiced_365        DECIMAL(19,2) NOT NULL,
    in_dispute          DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (cycle_date, account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_call_list_rank ON call_list (cycle_date, reason_order, past_due_total, account_number);

-- The call notes of each account referred in a cycle, oldest first, as the referral file gives
-- them (decided once by the calls step, so that a restart writes the same file).
CREATE TABLE referral_call_notes (
    cycle_date     DATE        NOT NULL,
    account_number VARCHAR(64) NOT NULL,
    call_notes     TEXT        NOT NULL,
    PRIMARY KEY (cycle_date, account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE recorded_promise (
    account_number VARCHAR(64)   NOT NULL,
    created_date   DATE          NOT NULL,
    promised_date  DATE          NOT NULL,
    amount         DECIMAL(15,2) NOT NULL,
    recorded_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (account_number, created_date, promised_date, amount),
    CONSTRAINT fk_recorded_promise_customer FOREIGN KEY (account_number) REFERENCES customer (account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE recorded_dispute (
    invoice_number VARCHAR(64)  NOT NULL,
    opened_date    DATE         NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    recorded_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (invoice_number, opened_date),
    CONSTRAINT fk_recorded_dispute_invoice FOREIGN KEY (invoice_number) REFERENCES invoice (invoice_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE call_note (
    note_id        BIGINT        NOT NULL AUTO_INCREMENT,
    account_number VARCHAR(64)   NOT NULL,
    note_date      DATE          NOT NULL,
    note_text      VARCHAR(1000) NOT NULL,
    recorded_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (note_id),
    CONSTRAINT fk_call_note_customer FOREIGN KEY (account_number) REFERENCES customer (account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_call_note_account ON call_note (account_number, note_date, note_id);

-- What the cycle reads: the imported promises and disputes, and the recorded ones the bookkeeping's
-- files do not also hold (the imported row wins: it may carry a dispute's resolved_date).
CREATE VIEW promise_in_force AS
SELECT account_number, created_date, promised_date, amount FROM promise
UNION ALL
SELECT r.account_number, r.created_date, r.promised_date, r.amount FROM recorded_promise r
WHERE NOT EXISTS (SELECT 1 FROM promise p
                  WHERE p.account_number = r.account_number AND p.created_date = r.created_date
                    AND p.promised_date = r.promised_date AND p.amount = r.amount);

CREATE VIEW dispute_in_force AS
SELECT invoice_number, opened_date, resolved_date, reason FROM dispute
UNION ALL
SELECT r.invoice_number, r.opened_date, CAST(NULL AS DATE), r.reason FROM recorded_dispute r
WHERE NOT EXISTS (SELECT 1 FROM dispute d
                  WHERE d.invoice_number = r.invoice_number AND d.opened_date = r.opened_date);
