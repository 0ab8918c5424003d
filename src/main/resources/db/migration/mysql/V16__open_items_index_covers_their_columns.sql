-- Every account step reads the open items of a range of accounts from ix_item_open; with their
-- columns in the index that read is one range of the index, not one row lookup per open item
-- spread over the whole of ledger_item, which grows with every year of history: at month 60 of
-- the history bench (100,000 accounts) the open items of half the accounts came in 0.25-0.30 s
-- instead of 0.62-0.72 s, and their disputes in 0.13 s instead of 0.54-0.71 s
-- (docs/performance.md, "Years of history"). item_id is in every index as part of the key.
ALTER TABLE ledger_item DROP INDEX ix_item_open,
    ADD INDEX ix_item_open (paid_off_date, written_off_date, account_number, item_type, invoice_number,
                            issue_date, due_date, amount, balance);
