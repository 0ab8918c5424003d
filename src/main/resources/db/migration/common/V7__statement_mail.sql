-- Statements by email (the mail package owns mail_outbox; ledger.imports owns customer).
--   customer.statement_delivery  the customer's choice from customers.csv: EMAIL, POST or BOTH;
--                                NULL = EMAIL when there is an address, else POST
--   mail_outbox                  one row per statement of a cycle, made before anything is sent:
--                                the channel decided, the recipient, a Message-ID that is the same
--                                for the same account and cycle (and resend), the status
--                                (PENDING, SENT, FAILED, NO_EMAIL, BY_POST), the attempts and the
--                                server's last reply. A restart sends only what is PENDING.
ALTER TABLE customer ADD COLUMN statement_delivery VARCHAR(8) NULL;

CREATE TABLE mail_outbox (
    cycle_date     DATE          NOT NULL,
    account_number VARCHAR(64)   NOT NULL,
    channel        VARCHAR(8)    NOT NULL,
    recipient      VARCHAR(320)  NULL,
    message_id     VARCHAR(400)  NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    attempts       INT           NOT NULL,
    resends        INT           NOT NULL,
    reply          VARCHAR(1000) NULL,
    updated_at     TIMESTAMP     NULL,
    PRIMARY KEY (cycle_date, account_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The referral file's notice_channels (collections owns referral): how each earlier notice reached
-- the account, beside notices, e.g. 2026-01-31:EMAIL;2026-03-02:EMAIL+POST.
ALTER TABLE referral ADD COLUMN notice_channels VARCHAR(4000) NULL;
