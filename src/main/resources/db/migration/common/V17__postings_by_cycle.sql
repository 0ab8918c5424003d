-- The manifest sums the payments a cycle posted (CycleTotalsQueries): payment_posting is keyed by
-- account, so that sum read every posting of every year (0.82 s at month 60 of the 100,000-account
-- history); this index holds a cycle's postings together, with the amounts it sums (0.03 s).
CREATE INDEX ix_posting_cycle ON payment_posting (cycle_date, direct, to_credit);
