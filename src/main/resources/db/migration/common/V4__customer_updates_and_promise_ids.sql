-- Promises are keyed by their promise_id when the file gives one, else by all their values
-- (files-and-commands.md), so an account may hold several promises made on one day (a payment
-- plan). The table gets a surrogate key; promise_id is optional and unique. The import, not a
-- constraint, keeps promises without an id unique by their values: MySQL has no partial index.
--
-- Customers need no schema change: a customers.csv row for a known account now updates it.
--
-- Rebuilt as a new table and renamed, the same statements on H2 (MySQL mode) and MariaDB/MySQL:
-- changing a primary key in place differs between the two, and on MySQL the old key is the index
-- of the foreign key to customer. Existing promises keep their values, without an id.

CREATE TABLE promise_keyed (
    promise_key    BIGINT        NOT NULL AUTO_INCREMENT,
    promise_id     VARCHAR(64),
    account_number VARCHAR(64)   NOT NULL,
    created_date   DATE          NOT NULL,
    promised_date  DATE          NOT NULL,
    amount         DECIMAL(15,2) NOT NULL,
    PRIMARY KEY (promise_key),
    CONSTRAINT uq_promise_id UNIQUE (promise_id),
    CONSTRAINT fk_promise_account FOREIGN KEY (account_number) REFERENCES customer (account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO promise_keyed (account_number, created_date, promised_date, amount)
SELECT account_number, created_date, promised_date, amount FROM promise ORDER BY account_number, created_date;

DROP TABLE promise;

ALTER TABLE promise_keyed RENAME TO promise;

-- The cycle reads an account's promises by account range (dunning.PromiseQueries).
CREATE INDEX ix_promise_account ON promise (account_number, created_date);
