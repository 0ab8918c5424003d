package com.arcycle.testing;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the ledger's and the cycle's tables, inserted the way the step under test finds them
 * after the steps before it (dates as {@code yyyy-MM-dd}, amounts as plain decimals), and read back
 * as text for the assertions.
 */
public final class LedgerTables {

    /** Every table the import or a cycle fills, children before parents. */
    private static final List<String> TABLES = List.of("call_list", "referral_call_notes", "recorded_promise",
            "recorded_dispute", "call_note", "dispute", "payment", "promise", "invoice", "customer",
            "ledger_item", "payment_posting", "allocation", "account_state", "account_cycle", "cycle_promise",
            "collection_decision", "write_off", "referral", "referred_account", "statement", "aged_balance",
            "cycle_reject", "cycle", "mail_outbox");

    private LedgerTables() {
    }

    /** Empties the ledger and every cycle table (not the job repository). */
    public static void deleteAll(JdbcClient jdbc) {
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    /**
     * The rows of a query as text, one string a row: its columns joined by a space, NULL as
     * {@code -}, booleans as {@code true}/{@code false} on every database.
     */
    public static List<String> rows(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            ResultSetMetaData meta = rs.getMetaData();
            StringJoiner row = new StringJoiner(" ");
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                boolean bool = meta.getColumnType(i) == Types.BOOLEAN || meta.getColumnType(i) == Types.BIT;
                String value = bool ? Boolean.toString(rs.getBoolean(i)) : rs.getString(i);
                row.add(rs.wasNull() ? "-" : value);
            }
            return row.toString();
        }).list();
    }

    public static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static BigDecimal money(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    // --- what the import loads ---------------------------------------------------------------

    /** A customer named "Customer &lt;account&gt;", fee mode unset (the policy's ALWAYS), no recurring service. */
    public static Customer customer(String account, String customerSince) {
        return new Customer(account, customerSince);
    }

    public static final class Customer {
        private final String account;
        private final String since;
        private String name;
        private String lateFeeMode;
        private boolean recurringService;
        private String email;
        private String phone;
        private final String[] address = new String[6];

        private Customer(String account, String since) {
            this.account = account;
            this.since = since;
            this.name = "Customer " + account;
        }

        public Customer name(String value) {
            name = value;
            return this;
        }

        public Customer lateFeeMode(String value) {
            lateFeeMode = value;
            return this;
        }

        public Customer recurringService() {
            recurringService = true;
            return this;
        }

        public Customer contact(String emailAddress, String phoneNumber) {
            email = emailAddress;
            phone = phoneNumber;
            return this;
        }

        public Customer address(String line1, String line2, String city, String region, String postalCode,
                String country) {
            String[] values = {line1, line2, city, region, postalCode, country};
            System.arraycopy(values, 0, address, 0, values.length);
            return this;
        }

        public void insert(JdbcClient jdbc) {
            jdbc.sql("""
                    INSERT INTO customer (account_number, name, email, phone, address_line1, address_line2, city,
                        region, postal_code, country, customer_since, late_fee_mode, recurring_service)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(account, name, email, phone, address[0], address[1], address[2], address[3],
                    address[4], address[5], date(since), lateFeeMode, recurringService).update();
        }
    }

    public static void invoice(JdbcClient jdbc, String invoiceNumber, String account, String issued, String due,
            String amount) {
        jdbc.sql("INSERT INTO invoice (invoice_number, account_number, issue_date, due_date, amount)"
                + " VALUES (?, ?, ?, ?, ?)").params(invoiceNumber, account, date(issued), date(due), money(amount))
                .update();
    }

    /** @param invoiceNumber the invoice it was sent for, or null */
    public static void payment(JdbcClient jdbc, String paymentId, String account, String invoiceNumber,
            String received, String amount) {
        jdbc.sql("INSERT INTO payment (payment_id, account_number, invoice_number, received_date, amount)"
                + " VALUES (?, ?, ?, ?, ?)").params(paymentId, account, invoiceNumber, date(received), money(amount))
                .update();
    }

    /** @param resolved null while the dispute is open */
    public static void dispute(JdbcClient jdbc, String invoiceNumber, String opened, String resolved) {
        jdbc.sql("INSERT INTO dispute (invoice_number, opened_date, resolved_date) VALUES (?, ?, ?)")
                .params(invoiceNumber, date(opened), date(resolved)).update();
    }

    public static void promise(JdbcClient jdbc, String account, String created, String promised, String amount) {
        jdbc.sql("INSERT INTO promise (account_number, created_date, promised_date, amount) VALUES (?, ?, ?, ?)")
                .params(account, date(created), date(promised), money(amount)).update();
    }

    // --- what the cycles before made of it ---------------------------------------------------

    /** An invoice in the ledger, owed in full and posted on its issue date until said otherwise. */
    public static Item invoiceItem(String account, String invoiceNumber, String issued, String due, String amount) {
        return new Item(account, invoiceNumber, "INVOICE", invoiceNumber, issued, due, amount);
    }

    /**
     * The fee a cycle charged on an invoice, owed in full: LF-&lt;invoice&gt;-&lt;yyyyMMdd&gt;, issued,
     * due and posted on the cycle date.
     */
    public static Item feeItem(String account, String invoiceNumber, String cycleDate, String amount) {
        return new Item(account, "LF-" + invoiceNumber + "-" + cycleDate.replace("-", ""), "FEE", invoiceNumber,
                cycleDate, cycleDate, amount);
    }

    public static final class Item {
        private final String account;
        private final String itemId;
        private final String type;
        private final String invoiceNumber;
        private final String issued;
        private final String due;
        private final String amount;
        private String balance;
        private String paidOff;
        private String writtenOff;
        private String posted;
        private String basis;

        private Item(String account, String itemId, String type, String invoiceNumber, String issued, String due,
                String amount) {
            this.account = account;
            this.itemId = itemId;
            this.type = type;
            this.invoiceNumber = invoiceNumber;
            this.issued = issued;
            this.due = due;
            this.amount = amount;
            this.balance = amount;
            this.posted = issued;
        }

        public Item balance(String value) {
            balance = value;
            return this;
        }

        /** Paid in full on {@code date}: balance 0. */
        public Item paidOff(String date) {
            balance = "0.00";
            paidOff = date;
            return this;
        }

        public Item writtenOff(String date) {
            writtenOff = date;
            return this;
        }

        public Item posted(String cycleDate) {
            posted = cycleDate;
            return this;
        }

        /** The balance a fee was computed on. */
        public Item basis(String value) {
            basis = value;
            return this;
        }

        public void insert(JdbcClient jdbc) {
            jdbc.sql("""
                    INSERT INTO ledger_item (item_id, item_type, account_number, invoice_number, issue_date, due_date,
                        amount, balance, paid_off_date, written_off_date, posted_cycle, fee_basis)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(itemId, type, account, invoiceNumber, date(issued), date(due), money(amount),
                    money(balance), date(paidOff), date(writtenOff), date(posted), money(basis)).update();
        }
    }

    /**
     * An invoice the import loaded and an earlier cycle took into the ledger, owing {@code balance}:
     * issued 2025-09-01, before every cycle the tests run, when the issue date does not matter.
     */
    public static void owes(JdbcClient jdbc, String account, String invoiceNumber, String due, String amount,
            String balance) {
        invoice(jdbc, invoiceNumber, account, "2025-09-01", due, amount);
        invoiceItem(account, invoiceNumber, "2025-09-01", due, amount).balance(balance).insert(jdbc);
    }

    /** Unapplied credit carried by the account. */
    public static void credit(JdbcClient jdbc, String account, String amount) {
        jdbc.sql("INSERT INTO account_state (account_number, unapplied_credit) VALUES (?, ?)")
                .params(account, money(amount)).update();
    }

    /** The account's dunning row of a cycle: stage NONE from NONE, no figures, until said otherwise. */
    public static AccountCycle accountCycle(String cycleDate, String account) {
        return new AccountCycle(cycleDate, account);
    }

    public static final class AccountCycle {
        private final String cycleDate;
        private final String account;
        private String previousStage = "NONE";
        private String stage = "NONE";
        private Integer maxDpd;
        private String pastDueTotal = "0.00";
        private String balance = "0.00";
        private boolean goodStanding;
        private String promise = "NONE";
        private int latePaidCount;
        private boolean referredEarlier;

        private AccountCycle(String cycleDate, String account) {
            this.cycleDate = cycleDate;
            this.account = account;
        }

        public AccountCycle stage(String previous, String now) {
            previousStage = previous;
            stage = now;
            return this;
        }

        public AccountCycle figures(Integer dpd, String pastDue, String accountBalance) {
            maxDpd = dpd;
            pastDueTotal = pastDue;
            balance = accountBalance;
            return this;
        }

        public AccountCycle goodStanding() {
            goodStanding = true;
            return this;
        }

        /** ACTIVE, BROKEN or NONE. */
        public AccountCycle promise(String state) {
            promise = state;
            return this;
        }

        public AccountCycle latePaid(int count) {
            latePaidCount = count;
            return this;
        }

        public AccountCycle referredEarlier() {
            referredEarlier = true;
            return this;
        }

        public void insert(JdbcClient jdbc) {
            jdbc.sql("""
                    INSERT INTO account_cycle (cycle_date, account_number, previous_stage, stage, max_dpd,
                        past_due_total, balance, good_standing, promise, late_paid_count, referred_earlier)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(date(cycleDate), account, previousStage, stage, maxDpd, money(pastDueTotal),
                    money(balance), goodStanding, promise, latePaidCount, referredEarlier).update();
        }
    }

    /** What collections decided for the account: STATEMENT, REFERRED, WRITTEN_OFF or NONE. */
    public static void decision(JdbcClient jdbc, String cycleDate, String account, String action, boolean suspend) {
        jdbc.sql("INSERT INTO collection_decision (cycle_date, account_number, action, suspend) VALUES (?, ?, ?, ?)")
                .params(date(cycleDate), account, action, suspend).update();
    }

    /** A statement sent to the account in a cycle (the file's SHA-256 is not checked here). */
    public static void statement(JdbcClient jdbc, String account, String cycleDate) {
        jdbc.sql("INSERT INTO statement (account_number, cycle_date, file_name, sha256) VALUES (?, ?, ?, ?)")
                .params(account, date(cycleDate), "statements/" + account + ".pdf", "0".repeat(64)).update();
    }

    public static void referredAccount(JdbcClient jdbc, String account, String referredCycle) {
        jdbc.sql("INSERT INTO referred_account (account_number, referred_cycle) VALUES (?, ?)")
                .params(account, date(referredCycle)).update();
    }

    /**
     * The account's aged receivables of a cycle.
     *
     * @param buckets current, 1-30, 31-60, 61-90, 91-120, 121+, in dispute, unapplied credit, total
     */
    public static void agedBalance(JdbcClient jdbc, String cycleDate, String account, String stage,
            String... buckets) {
        if (buckets.length != 9) {
            throw new IllegalArgumentException("an aged balance has 9 amounts, not " + buckets.length);
        }
        List<Object> values = new ArrayList<>(List.of(date(cycleDate), account));
        for (String amount : buckets) {
            values.add(money(amount));
        }
        values.add(stage);
        jdbc.sql("""
                INSERT INTO aged_balance (cycle_date, account_number, current_amount, d1_30, d31_60, d61_90, d91_120,
                    d121_plus, in_dispute, unapplied_credit, total, stage)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(values).update();
    }
}
