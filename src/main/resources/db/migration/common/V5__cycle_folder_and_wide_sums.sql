-- A cycle's output folder, stored with the cycle as an absolute path when it starts, so that a
-- restart from any working directory writes into the same folder; and the run's id, written
-- into that folder (.arcycle-cycle) so that a folder holding another run's files is never
-- overwritten. Both are NULL for cycles run before this version.
ALTER TABLE cycle ADD COLUMN output_folder VARCHAR(1000);
ALTER TABLE cycle ADD COLUMN run_id CHAR(36);

-- Sums over an account's items (past-due total, balance, aging buckets, credit, referred total)
-- get four more integer digits than a single amount (DECIMAL(15,2)), so that no account's sum
-- can overflow its column: import limits an amount to 999,999,999.99, and a sum past these
-- columns' limit skips the account into rejects.csv instead of failing the step.
ALTER TABLE account_cycle MODIFY COLUMN past_due_total DECIMAL(19,2) NOT NULL;
ALTER TABLE account_cycle MODIFY COLUMN balance DECIMAL(19,2) NOT NULL;
ALTER TABLE aged_balance MODIFY COLUMN current_amount DECIMAL(19,2) NOT NULL;
ALTER TABLE aged_balance MODIFY COLUMN d1_30 DECIMAL(19,2) NOT NULL;
ALTER TABLE aged_balance MODIFY COLUMN d31_60 DECIMAL(19,2) NOT NULL;
ALTER TABLE aged_balance MODIFY COLUMN d61_90 DECIMAL(19,2) NOT NULL;
ALTER TABLE aged_balance MODIFY COLUMN d91_120 DECIMAL(19,2) NOT NULL;
ALTER TABLE aged_balance MODIFY COLUMN d121_plus DECIMAL(19,2) NOT NULL;
ALTER TABLE aged_balance MODIFY COLUMN in_dispute DECIMAL(19,2) NOT NULL;
ALTER TABLE aged_balance MODIFY COLUMN unapplied_credit DECIMAL(19,2) NOT NULL;
ALTER TABLE aged_balance MODIFY COLUMN total DECIMAL(19,2) NOT NULL;
ALTER TABLE referral MODIFY COLUMN referred_total DECIMAL(19,2) NOT NULL;
ALTER TABLE account_state MODIFY COLUMN unapplied_credit DECIMAL(19,2) NOT NULL;
