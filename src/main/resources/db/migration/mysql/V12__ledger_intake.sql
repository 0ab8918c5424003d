-- What is new since the previous cycle, without reading the history (docs/performance.md).
-- load_seq numbers the invoices and payments in the order they were loaded (the database fills it
-- in; the import does not name it). The payments step records the highest numbers at its start
-- (ledger_intake); the next cycle takes the rows dated after the previous cycle, and of the rows
-- dated earlier only those loaded since (a late deposit file, a late-entered invoice).
ALTER TABLE invoice ADD COLUMN load_seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY ix_invoice_load (load_seq),
    ADD KEY ix_invoice_issued (issue_date, account_number);
ALTER TABLE payment ADD COLUMN load_seq BIGINT NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY ix_payment_load (load_seq),
    ADD KEY ix_payment_received (received_date, account_number);

CREATE TABLE ledger_intake (
    cycle_date  DATE   NOT NULL,
    invoice_seq BIGINT NOT NULL,
    payment_seq BIGINT NOT NULL,
    PRIMARY KEY (cycle_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The open items of a range of accounts, in account order, without the closed ones (every account
-- step reads them): open items have no paid-off date and no write-off date.
CREATE INDEX ix_item_open ON ledger_item (paid_off_date, written_off_date, account_number);
