-- As mysql/V18: the by-account indexes of invoices and payments carry the columns the payments
-- step reads, and a cycle's postings are indexed in account order.
DROP INDEX ix_invoice_account;
CREATE INDEX ix_invoice_account ON invoice (account_number, issue_date, amount, due_date);
DROP INDEX ix_payment_account;
CREATE INDEX ix_payment_account ON payment (account_number, received_date, invoice_number, amount);
DROP INDEX ix_posting_cycle;
CREATE INDEX ix_posting_cycle ON payment_posting (cycle_date, account_number, payment_id, direct, to_credit);
