package com.arcycle.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.arcycle.policy.LateFeeMode;

class LedgerRowsTests {

    private static CsvRow row(String file, String... columnsAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new CsvRow(file, 7, values, null);
    }

    private static CsvRow invoice(String column, String value) {
        CsvRow good = row("invoices.csv", "invoice_number", "I-1", "account_number", "A1", "issue_date", "2026-01-01",
                "due_date", "2026-01-31", "amount", "100.00");
        Map<String, String> values = new HashMap<>(good.values());
        values.put(column, value);
        return new CsvRow("invoices.csv", 7, values, null);
    }

    @Test
    void aGoodInvoiceIsReadWithItsTypes() {
        LedgerRows.Invoice invoice = LedgerRows.invoice(invoice("description", "Design work"));
        assertThat(invoice.invoiceNumber()).isEqualTo("I-1");
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(invoice.amount()).isEqualByComparingTo("100.00");
        assertThat(invoice.amount().scale()).isEqualTo(2);
        assertThat(invoice.description()).isEqualTo("Design work");
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is rejected: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            invoice_number | ''           | invoice_number is required
            account_number | ''           | account_number is required
            issue_date     | 2026-13-01   | issue_date is not a date of the form yyyy-MM-dd
            issue_date     | 01/05/2026   | issue_date is not a date of the form yyyy-MM-dd
            due_date       | 2026-02-30   | due_date is not a date of the form yyyy-MM-dd
            due_date       | 2025-12-31   | due_date is before issue_date 2026-01-01
            amount         | 0            | amount must be greater than 0
            amount         | 0.00         | amount must be greater than 0
            amount         | -5.00        | amount must be greater than 0
            amount         | 12.345       | amount is not an amount (more than 2 fraction digits)
            amount         | 1,234.50     | amount is not an amount (not a plain decimal amount)
            amount         | 1e3          | amount is not an amount (not a plain decimal amount)
            amount         | ''           | amount is required
            invoice_number | I\u00001     | invoice_number contains a control character (U+0000)
            invoice_number | I-\ud83d\ude00 | invoice_number contains a character outside the Basic Multilingual Plane (U+1F600)
            issue_date     | +10000-01-01 | issue_date is outside the dates the database stores, 1000-01-01 to 9999-12-31
            issue_date     | 0999-12-31   | issue_date is outside the dates the database stores, 1000-01-01 to 9999-12-31
            amount         | 1000000000.00 | amount is above the limit of 999,999,999.99
            amount         | 9999999999999.99 | amount is above the limit of 999,999,999.99
            """)
    void aBrokenInvoiceValueIsRejectedWithItsColumnValueAndReason(String column, String value, String reason) {
        String actual = unescape(value);
        assertThatThrownBy(() -> LedgerRows.invoice(invoice(column, actual)))
                .isInstanceOfSatisfying(RowRejected.class, rejected -> {
                    assertThat(rejected.column()).isEqualTo(column);
                    assertThat(rejected.value()).isEqualTo(column.equals("due_date") && reason.contains("before")
                            ? "2025-12-31" : actual);
                    assertThat(rejected.getMessage()).isEqualTo(reason);
                });
    }

    /** The \\uXXXX escapes of a table cell as characters. */
    private static String unescape(String value) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            if (value.startsWith("\\u", i)) {
                text.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                text.append(value.charAt(i));
            }
        }
        return text.toString();
    }

    @ParameterizedTest(name = "{0} is a date the database stores")
    @CsvSource({"1000-01-01", "9999-12-31", "2026-02-28"})
    void datesFromYear1000To9999AreRead(String date) {
        CsvRow customer = row("customers.csv", "account_number", "A1", "name", "Acme", "customer_since", date);
        assertThat(LedgerRows.customer(customer).customerSince()).hasToString(date);
    }

    @Test
    void theLargestAmountIsRead() {
        assertThat(LedgerRows.invoice(invoice("amount", "999999999.99")).amount()).isEqualByComparingTo("999999999.99");
    }

    @ParameterizedTest(name = "account_number ''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ACME/001         | account_number contains /, a path separator; an account number names its statement file and may not contain / or \\
            ../../../escaped | account_number contains /, a path separator; an account number names its statement file and may not contain / or \\
            /etc/passwd      | account_number contains /, a path separator; an account number names its statement file and may not contain / or \\
            ACME\\001       | account_number contains \\, a path separator; an account number names its statement file and may not contain / or \\
            A\\u00071        | account_number contains a control character (U+0007)
            A\\u000a1        | account_number contains a control character (U+000A)
            A\\u200b1        | account_number contains an invisible character (U+200B)
            A\\u202e1        | account_number contains an invisible character (U+202E)
            """)
    void anAccountNumberThatIsNotSafeAsAFileNameIsRejectedInEveryFile(String value, String reason) {
        String account = unescape(value);
        for (Function<CsvRow, ?> rule : List.<Function<CsvRow, ?>>of(LedgerRows::customer, LedgerRows::invoice,
                LedgerRows::payment, LedgerRows::promise)) {
            CsvRow row = row("any.csv", "account_number", account, "name", "Acme", "customer_since", "2020-01-01",
                    "invoice_number", "I-1", "issue_date", "2026-01-01", "due_date", "2026-01-31", "amount", "10.00",
                    "payment_id", "P-1", "received_date", "2026-01-05", "created_date", "2026-01-01",
                    "promised_date", "2026-01-10");
            assertRejected(rule, row, "account_number", reason);
        }
    }

    @ParameterizedTest(name = "account_number ''{0}'' is accepted")
    @CsvSource(delimiter = '|', textBlock = """
            ACME-001
            ACME 001
            Müller & Söhne #7
            ..
            C:001
            """)
    void anAccountNumberMayHoldAnyOtherCharacterOfTheBasicMultilingualPlane(String account) {
        assertThat(LedgerRows.customer(row("customers.csv", "account_number", account, "name", "Acme",
                "customer_since", "2020-01-01")).accountNumber()).isEqualTo(account);
    }

    @Test
    void aPromiseMayHaveAnId() {
        CsvRow promise = row("promises.csv", "promise_id", "PR-1", "account_number", "A1", "created_date", "2026-03-01",
                "promised_date", "2026-03-15", "amount", "500.00");
        assertThat(LedgerRows.promise(promise).promiseId()).isEqualTo("PR-1");
        CsvRow withoutId = row("promises.csv", "account_number", "A1", "created_date", "2026-03-01",
                "promised_date", "2026-03-15", "amount", "500.00");
        assertThat(LedgerRows.promise(withoutId).promiseId()).isNull();
    }

    @ParameterizedTest(name = "amount ''{0}'' reads as {1}")
    @CsvSource({"1234.50, 1234.50", "12, 12.00", "0.5, 0.50", "7.10, 7.10"})
    void plainAmountsAreReadWithTwoFractionDigits(String text, String expected) {
        assertThat(LedgerRows.invoice(invoice("amount", text)).amount().toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "late_fee_mode ''{0}'' reads as {1}")
    @CsvSource(nullValues = "null", value = {"ALWAYS, ALWAYS", "habitual, HABITUAL", "NEVER, NEVER", "'', null"})
    void lateFeeModeDefaultsToThePolicyWhenEmpty(String text, LateFeeMode expected) {
        CsvRow customer = row("customers.csv", "account_number", "A1", "name", "Acme", "customer_since", "2020-01-01",
                "late_fee_mode", text);
        assertThat(LedgerRows.customer(customer).lateFeeMode()).isEqualTo(expected);
        assertThat(LedgerRows.customer(customer).recurringService()).isFalse();
    }

    @ParameterizedTest(name = "statement_delivery ''{0}'' reads as {1}")
    @CsvSource(nullValues = "null", value = {"EMAIL, EMAIL", "post, POST", "' Both ', BOTH", "'', null"})
    void statementDeliveryIsReadInCapitalsAndIsNullWhenEmpty(String text, String expected) {
        CsvRow customer = row("customers.csv", "account_number", "A1", "name", "Acme", "customer_since", "2020-01-01",
                "statement_delivery", text);
        assertThat(LedgerRows.customer(customer).statementDelivery()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            late_fee_mode     | SOMETIMES | late_fee_mode must be ALWAYS, NEVER or HABITUAL
            recurring_service | yes       | recurring_service must be true or false
            statement_delivery | FAX      | statement_delivery must be EMAIL, POST or BOTH
            customer_since    | ''        | customer_since is required
            name              | ''        | name is required
            """)
    void aBrokenCustomerValueIsRejected(String column, String value, String reason) {
        Map<String, String> values = new HashMap<>(Map.of("account_number", "A1", "name", "Acme", "customer_since",
                "2020-01-01"));
        values.put(column, value);
        assertThatThrownBy(() -> LedgerRows.customer(new CsvRow("customers.csv", 3, values, null)))
                .isInstanceOfSatisfying(RowRejected.class, r -> assertThat(r.getMessage()).isEqualTo(reason));
    }

    @Test
    void aPaymentMayNameNoInvoice() {
        LedgerRows.Payment payment = LedgerRows.payment(row("payments.csv", "payment_id", "P-1", "account_number", "A1",
                "invoice_number", "", "received_date", "2026-03-10", "amount", "1000.00"));
        assertThat(payment.invoiceNumber()).isNull();
        assertThat(payment.amount()).isEqualByComparingTo(new BigDecimal("1000.00"));
    }

    @Test
    void aDisputeResolvedBeforeItOpenedIsRejected() {
        assertRejected(LedgerRows::dispute, row("disputes.csv", "invoice_number", "I-1", "opened_date", "2026-03-10",
                "resolved_date", "2026-03-09"), "resolved_date", "resolved_date is before opened_date 2026-03-10");
    }

    @Test
    void aPromiseDueBeforeItWasMadeIsRejected() {
        assertRejected(LedgerRows::promise, row("promises.csv", "account_number", "A1", "created_date", "2026-03-10",
                "promised_date", "2026-03-01", "amount", "50.00"), "promised_date",
                "promised_date is before created_date 2026-03-10");
    }

    private static void assertRejected(Function<CsvRow, ?> rule, CsvRow row, String column, String reason) {
        assertThatThrownBy(() -> rule.apply(row)).isInstanceOfSatisfying(RowRejected.class, r -> {
            assertThat(r.column()).isEqualTo(column);
            assertThat(r.getMessage()).isEqualTo(reason);
        });
    }
}
