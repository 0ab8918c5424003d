-- Records a cycle step skipped because their data breaks a rule (for example a row edited by
-- hand in the database). The cycle writes them out as rejects.csv and exits with code 3.
CREATE TABLE cycle_reject (
    cycle_date     DATE          NOT NULL,
    step_name      VARCHAR(64)   NOT NULL,
    account_number VARCHAR(64)   NOT NULL,
    item_id        VARCHAR(96),
    column_name    VARCHAR(64),
    field_value    VARCHAR(500),
    reason         VARCHAR(500)  NOT NULL,
    PRIMARY KEY (cycle_date, step_name, account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
