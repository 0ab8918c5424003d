-- Every table has one owner that writes it (docs/design.md). Before this version the collections
-- step wrote its decisions into dunning's account_cycle (action, suspend) and the ledger's
-- account_state (referred_cycle) and inserted notice rows that the statements step then updated
-- with the files it rendered. Now:
--   collection_decision  collections: what the cycle did with each account (action, suspension)
--   referred_account     collections: the cycle each account was referred to collections in
--   statement            statements: the file rendered for each account and cycle, with its SHA-256
--   cycle_promise        dunning: the promise a statement names (active on C, or broken since the
--                        previous cycle), decided once by the dunning step
-- Existing data moves to the new tables; the old columns and the notice table go.

CREATE TABLE collection_decision (
    cycle_date     DATE        NOT NULL,
    account_number VARCHAR(64) NOT NULL,
    action         VARCHAR(16) NOT NULL,
    suspend        BOOLEAN     NOT NULL,
    PRIMARY KEY (cycle_date, account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO collection_decision (cycle_date, account_number, action, suspend)
SELECT cycle_date, account_number, action, suspend FROM account_cycle WHERE action IS NOT NULL;

-- One row per account ever referred, keyed by account: the dunning step reads it for every account.
CREATE TABLE referred_account (
    account_number VARCHAR(64) NOT NULL,
    referred_cycle DATE        NOT NULL,
    PRIMARY KEY (account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO referred_account (account_number, referred_cycle)
SELECT account_number, referred_cycle FROM account_state WHERE referred_cycle IS NOT NULL;

-- Keyed by account first, like notice before it: the referral file's paper trail reads an
-- account's earlier statements.
CREATE TABLE statement (
    account_number VARCHAR(64)  NOT NULL,
    cycle_date     DATE         NOT NULL,
    file_name      VARCHAR(300) NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    PRIMARY KEY (account_number, cycle_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO statement (account_number, cycle_date, file_name, sha256)
SELECT account_number, cycle_date, file_name, sha256 FROM notice WHERE file_name IS NOT NULL;

CREATE TABLE cycle_promise (
    cycle_date     DATE          NOT NULL,
    account_number VARCHAR(64)   NOT NULL,
    state          VARCHAR(8)    NOT NULL,
    created_date   DATE          NOT NULL,
    promised_date  DATE          NOT NULL,
    amount         DECIMAL(15,2) NOT NULL,
    received       DECIMAL(19,2) NOT NULL,
    PRIMARY KEY (cycle_date, account_number, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

DROP TABLE notice;
ALTER TABLE account_cycle DROP COLUMN action;
ALTER TABLE account_cycle DROP COLUMN suspend;
ALTER TABLE account_state DROP COLUMN referred_cycle;
