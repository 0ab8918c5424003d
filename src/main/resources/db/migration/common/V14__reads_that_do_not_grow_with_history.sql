-- Reads of a cycle that grew with the years of history (docs/performance.md, "Years of history").

-- The recorded disputes the files do not also hold, as a view of its own: without a UNION the
-- database merges it into a query, so a join from the open invoices reaches it by key. The cycle
-- reads `dispute` and this view from the open invoices; dispute_in_force stays their union.
CREATE VIEW recorded_dispute_in_force AS
SELECT r.invoice_number, r.opened_date, CAST(NULL AS DATE) AS resolved_date, r.reason FROM recorded_dispute r
WHERE NOT EXISTS (SELECT 1 FROM dispute d
                  WHERE d.invoice_number = r.invoice_number AND d.opened_date = r.opened_date);

CREATE OR REPLACE VIEW dispute_in_force AS
SELECT invoice_number, opened_date, resolved_date, reason FROM dispute
UNION ALL
SELECT invoice_number, opened_date, resolved_date, reason FROM recorded_dispute_in_force;

-- One cycle's statements (the manifest, the mail outbox, the print file, the totals) without
-- reading every earlier cycle's: the primary key leads with the account.
CREATE INDEX ix_statement_cycle ON statement (cycle_date, account_number);
