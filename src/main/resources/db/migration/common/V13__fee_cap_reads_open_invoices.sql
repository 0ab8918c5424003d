-- The late-fee cap needs the fees charged on the invoices still open only (fees are charged on
-- open invoices): the late-fee step reaches them from the open invoices (ix_item_open) through
-- this index, instead of reading every fee an account range was ever charged (docs/performance.md).
CREATE INDEX ix_item_invoice ON ledger_item (account_number, invoice_number, item_type, amount);
