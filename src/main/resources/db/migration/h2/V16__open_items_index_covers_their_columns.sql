-- As mysql/V16: the open items' index carries their columns.
DROP INDEX ix_item_open;
CREATE INDEX ix_item_open ON ledger_item (paid_off_date, written_off_date, account_number, item_type, invoice_number,
                                          issue_date, due_date, amount, balance);
