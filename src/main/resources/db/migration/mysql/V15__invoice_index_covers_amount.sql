-- The call list's invoiced_365 (and the call sheet's count) read an account's invoices of the past
-- year from this index; with the amount in it they are read from the index alone, not one row
-- lookup each in the invoice table, ordered by invoice number (docs/performance.md).
ALTER TABLE invoice DROP INDEX ix_invoice_account, ADD INDEX ix_invoice_account (account_number, issue_date, amount);
