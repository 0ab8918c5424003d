-- The accountant's console (docs/console.md): who may log in, and what was done through it.

-- Users added with scripts/arcycle add-user (more may be given in the settings); BCrypt hashes only.
CREATE TABLE console_user (
    user_name     VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (user_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every action started from the console (restart, run a cycle, import a ledger): who, when, what,
-- and how it ended (the command's exit code and what it printed).
CREATE TABLE console_action (
    action_id   BIGINT        NOT NULL AUTO_INCREMENT,
    user_name   VARCHAR(64)   NOT NULL,
    action      VARCHAR(32)   NOT NULL,
    detail      VARCHAR(1000) NOT NULL,
    started_at  TIMESTAMP     NOT NULL,
    finished_at TIMESTAMP     NULL,
    exit_code   INT,
    output      VARCHAR(8000),
    PRIMARY KEY (action_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
