-- As mysql/V15: the index by account and issue date carries the amount (the call list's invoiced_365).
DROP INDEX ix_invoice_account;
CREATE INDEX ix_invoice_account ON invoice (account_number, issue_date, amount);
