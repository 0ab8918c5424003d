-- The AR firm's files (package delivery): what was delivered to its SFTP server, file by file, so
-- that each file arrives exactly once and an interrupted delivery resumes; and what came back, the
-- remittance files of payments the firm collected (the payments themselves go into payment, as
-- any payment, through the import's checks; the firm's commission is kept here, never applied).

-- One delivery of a cycle's files: attempt 1, then one more for each deliberate `deliver --again`.
CREATE TABLE delivery (
    cycle_date    DATE         NOT NULL,
    attempt       INT          NOT NULL,
    again         BOOLEAN      NOT NULL,
    encrypted     BOOLEAN      NOT NULL,
    remote_folder VARCHAR(500) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    prepared_at   TIMESTAMP    NOT NULL,
    completed_at  TIMESTAMP    NULL,
    PRIMARY KEY (cycle_date, attempt)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each file of a delivery in upload order (manifest.json last): the bytes sent (encrypted or not)
-- with their SHA-256 and size, and the file of the cycle folder they were made from.
CREATE TABLE delivery_file (
    cycle_date    DATE          NOT NULL,
    attempt       INT           NOT NULL,
    position      INT           NOT NULL,
    file_name     VARCHAR(300)  NOT NULL,
    remote_name   VARCHAR(1000) NOT NULL,
    source_sha256 CHAR(64)      NOT NULL,
    source_bytes  BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    bytes         BIGINT        NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    delivered_at  TIMESTAMP     NULL,
    PRIMARY KEY (cycle_date, attempt, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A remittance file of the firm's, once imported: its name is its key, so a file fetched twice is
-- imported once.
CREATE TABLE remittance_file (
    file_name      VARCHAR(255)  NOT NULL,
    sha256         CHAR(64)      NOT NULL,
    record_count   INT           NOT NULL,
    loaded         INT           NOT NULL,
    already_loaded INT           NOT NULL,
    rejected       INT           NOT NULL,
    amount         DECIMAL(19,2) NOT NULL,
    commission     DECIMAL(19,2) NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    imported_at    TIMESTAMP     NOT NULL,
    processed_at   TIMESTAMP     NULL,
    PRIMARY KEY (file_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The firm's commission on each payment it collected: reported, never applied to a balance.
CREATE TABLE remittance_commission (
    payment_id     VARCHAR(64)   NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    line_number    BIGINT        NOT NULL,
    account_number VARCHAR(64)   NOT NULL,
    received_date  DATE          NOT NULL,
    amount         DECIMAL(15,2) NOT NULL,
    commission     DECIMAL(15,2) NOT NULL,
    PRIMARY KEY (payment_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
