package com.arcycle.ledger;

import static com.arcycle.testing.TestLedger.balances;
import static com.arcycle.testing.TestLedger.date;
import static com.arcycle.testing.TestLedger.disputed;
import static com.arcycle.testing.TestLedger.fee;
import static com.arcycle.testing.TestLedger.invoice;
import static com.arcycle.testing.TestLedger.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.arcycle.ledger.AccountLedger.ItemState;
import com.arcycle.ledger.LedgerEvent.InvoiceIssued;
import com.arcycle.ledger.LedgerEvent.PaymentReceived;
import com.arcycle.domain.Money;

/** Rule 2: applying payments, FIFO credit, unapplied credit and paid-off dates. */
class AccountLedgerTests {

    /** Three open invoices, deliberately not in FIFO order. */
    static List<OpenItem> threeInvoices() {
        return List.of(invoice("I-3", "2026-02-01", "2026-03-03", "300.00"),
                invoice("I-1", "2025-12-01", "2025-12-31", "100.00"),
                invoice("I-2", "2026-01-01", "2026-01-31", "200.00"));
    }

    static PaymentReceived payment(String id, String date, String amount, String invoiceNumber) {
        return new PaymentReceived(id, date(date), money(amount), invoiceNumber);
    }

    static String allocations(AccountLedger ledger) {
        return ledger.allocations().stream()
                .map(a -> a.itemId() + ":" + a.source() + ":" + Money.format(a.amount()))
                .collect(Collectors.joining(" "));
    }

    static LocalDate paidOffDate(AccountLedger ledger, String itemId) {
        for (ItemState state : ledger.changedItems()) {
            if (state.item().itemId().equals(itemId)) {
                return state.paidOffDate();
            }
        }
        throw new AssertionError(itemId + " was not touched by the replay");
    }

    static String text(String cell) {
        return cell == null ? "" : cell;
    }

    @DisplayName("credit from a payment sent for no invoice pays the oldest items first, the rest stays as credit")
    @ParameterizedTest(name = "payment {0}: open {1}, unapplied credit {2}")
    @CsvSource(textBlock = """
            # paid,  open items after (FIFO order),          unapplied credit
              50.00, I-1=50.00 I-2=200.00 I-3=300.00,         0.00
             100.00, I-2=200.00 I-3=300.00,                   0.00
             250.00, I-2=50.00 I-3=300.00,                    0.00
             599.99, I-3=0.01,                                0.00
             600.00, ,                                        0.00
             650.25, ,                                       50.25
            """)
    void fifoCreditAcrossItems(String paid, String openAfter, String credit) {
        AccountLedger ledger = new AccountLedger(threeInvoices(), Money.ZERO);
        ledger.replay(List.of(payment("P-1", "2026-02-10", paid, null)));

        assertThat(balances(ledger.openItems())).isEqualTo(text(openAfter));
        assertThat(Money.format(ledger.unappliedCredit())).isEqualTo(credit);
    }

    @DisplayName("a payment sent for an invoice reduces that invoice first (never below 0), the rest goes FIFO")
    @ParameterizedTest(name = "{1} sent for {0}: open {2}, credit {3}")
    @CsvSource(textBlock = """
            # sent for, paid,   open items after,                  credit, allocations
              I-3,      120.00, I-1=100.00 I-2=200.00 I-3=180.00,  0.00,   I-3:DIRECT:120.00
              I-3,      300.00, I-1=100.00 I-2=200.00,             0.00,   I-3:DIRECT:300.00
              I-3,      350.00, I-1=50.00 I-2=200.00,              0.00,   I-3:DIRECT:300.00 I-1:FIFO:50.00
              I-2,      250.00, I-1=50.00 I-3=300.00,              0.00,   I-2:DIRECT:200.00 I-1:FIFO:50.00
              I-3,      700.00, ,                                100.00,   I-3:DIRECT:300.00 I-1:FIFO:100.00 I-2:FIFO:200.00
              I-0,       30.00, I-1=70.00 I-2=200.00 I-3=300.00,   0.00,   I-1:FIFO:30.00
            """)
    void paymentForAnInvoiceThenRemainderFifo(String invoiceNumber, String paid, String openAfter, String credit,
            String expectedAllocations) {
        AccountLedger ledger = new AccountLedger(threeInvoices(), Money.ZERO);
        ledger.replay(List.of(payment("P-1", "2026-02-10", paid, invoiceNumber)));

        assertThat(balances(ledger.openItems())).isEqualTo(text(openAfter));
        assertThat(Money.format(ledger.unappliedCredit())).isEqualTo(credit);
        assertThat(allocations(ledger)).isEqualTo(expectedAllocations);
    }

    @DisplayName("the paid-off date is the date the balance reached 0")
    @ParameterizedTest(name = "40.00 on 01-10, then {0} on 01-25: balance {1}, paid off {2}, credit {3}")
    @CsvSource(textBlock = """
            # second payment, balance left, paid off,   credit
              59.99,          I-1=0.01,               ,  0.00
              60.00,          ,             2026-01-25,  0.00
              80.00,          ,             2026-01-25, 20.00
            """)
    void paidOffDateIsTheDayTheBalanceReachedZero(String second, String openAfter, LocalDate paidOff,
            String credit) {
        AccountLedger ledger = new AccountLedger(List.of(invoice("I-1", "2025-12-01", "2025-12-31", "100.00")),
                Money.ZERO);
        ledger.replay(List.of(payment("P-2", "2026-01-25", second, "I-1"), payment("P-1", "2026-01-10", "40.00", "I-1")));

        assertThat(balances(ledger.openItems())).isEqualTo(text(openAfter));
        assertThat(paidOffDate(ledger, "I-1")).isEqualTo(paidOff);
        assertThat(Money.format(ledger.unappliedCredit())).isEqualTo(credit);
    }

    @DisplayName("unapplied credit waits and is applied to the next invoice the moment it is issued")
    @ParameterizedTest(name = "credit {0}, invoice of 80.00 on 2026-02-15: open {1}, credit {2}, paid off {3}")
    @CsvSource(textBlock = """
            # credit, open after,    credit after, paid off
              50.00,  I-7002=30.00,  0.00,         
              80.00,  ,              0.00,         2026-02-15
             100.00,  ,             20.00,         2026-02-15
            """)
    void unappliedCreditGoesOntoTheNewInvoice(String creditBefore, String openAfter, String creditAfter,
            LocalDate paidOff) {
        AccountLedger ledger = new AccountLedger(List.of(), money(creditBefore));
        ledger.replay(List.of(new InvoiceIssued(invoice("I-7002", "2026-02-15", "2026-03-17", "80.00"))));

        assertThat(balances(ledger.openItems())).isEqualTo(text(openAfter));
        assertThat(Money.format(ledger.unappliedCredit())).isEqualTo(creditAfter);
        assertThat(paidOffDate(ledger, "I-7002")).isEqualTo(paidOff);
        assertThat(ledger.allocations()).singleElement().satisfies(a -> {
            assertThat(a.appliedDate()).isEqualTo(date("2026-02-15"));
            assertThat(a.paymentId()).isNull();
            assertThat(a.source()).isEqualTo(AccountLedger.Source.FIFO);
        });
    }

    @DisplayName("worked example A007: overpayment of 150.00 on a 100.00 invoice leaves 50.00 credit for the next invoice")
    @Test
    void overpaymentCarriedIntoTheNextCycle() {
        AccountLedger january = new AccountLedger(List.of(), Money.ZERO);
        january.replay(List.of(payment("P-0005", "2026-01-20", "150.00", "I-7001"),
                new InvoiceIssued(invoice("I-7001", "2026-01-02", "2026-02-01", "100.00"))));
        assertThat(january.openItems()).isEmpty();
        assertThat(paidOffDate(january, "I-7001")).isEqualTo(date("2026-01-20"));
        assertThat(Money.format(january.unappliedCredit())).isEqualTo("50.00");
        assertThat(january.postings()).singleElement()
                .satisfies(p -> assertThat(Money.format(p.toCredit())).isEqualTo("50.00"));

        AccountLedger march = new AccountLedger(List.of(), january.unappliedCredit());
        march.replay(List.of(new InvoiceIssued(invoice("I-7002", "2026-02-15", "2026-03-17", "80.00"))));
        assertThat(balances(march.openItems())).isEqualTo("I-7002=30.00");
        assertThat(Money.format(march.unappliedCredit())).isEqualTo("0.00");
    }

    static Stream<Arguments> paymentsBeforeIssue() {
        return Stream.of(
                Arguments.of("received 02-05 for I-2 issued 02-10, older I-1 open: all credit, I-1 paid first",
                        List.of(invoice("I-1", "2026-01-01", "2026-01-31", "60.00")), "2026-02-05",
                        "I-2=60.00", "I-1:FIFO:60.00 I-2:FIFO:40.00", "100.00"),
                Arguments.of("received 02-05 for I-2 issued 02-10, nothing else open: credit waits for I-2",
                        List.of(), "2026-02-05", "", "I-2:FIFO:100.00", "100.00"),
                Arguments.of("received on the issue date: the invoice exists first, so it is paid directly",
                        List.of(invoice("I-1", "2026-01-01", "2026-01-31", "60.00")), "2026-02-10",
                        "I-1=60.00", "I-2:DIRECT:100.00", "0.00"));
    }

    @DisplayName("a payment received before its invoice's issue date is credit: the invoice is not in the ledger yet")
    @ParameterizedTest(name = "{0}")
    @MethodSource("paymentsBeforeIssue")
    void paymentBeforeTheInvoiceIssueDate(String why, List<OpenItem> open, String receivedDate, String openAfter,
            String expectedAllocations, String postedToCredit) {
        AccountLedger ledger = new AccountLedger(open, Money.ZERO);
        ledger.replay(List.of(new InvoiceIssued(invoice("I-2", "2026-02-10", "2026-03-12", "100.00")),
                payment("P-1", receivedDate, "100.00", "I-2")));

        assertThat(balances(ledger.openItems())).isEqualTo(openAfter);
        assertThat(allocations(ledger)).isEqualTo(expectedAllocations);
        assertThat(ledger.postings()).singleElement()
                .satisfies(p -> assertThat(Money.format(p.toCredit())).isEqualTo(postedToCredit));
        assertThat(Money.format(ledger.unappliedCredit())).isEqualTo("0.00");
    }

    @DisplayName("payments of one day are applied by payment_id bytes: P-10 before P-9")
    @Test
    void paymentsOfOneDayByPaymentId() {
        AccountLedger ledger = new AccountLedger(List.of(invoice("I-1", "2025-12-01", "2025-12-31", "100.00"),
                invoice("I-2", "2026-01-01", "2026-01-31", "100.00")), Money.ZERO);
        ledger.replay(List.of(payment("P-9", "2026-02-10", "100.00", "I-1"), payment("P-10", "2026-02-10", "100.00", null)));

        // P-10 (no invoice) comes first and pays the oldest item, I-1; P-9 then finds I-1 paid: its money is credit for I-2.
        assertThat(ledger.allocations()).extracting(a -> a.itemId() + ":" + a.paymentId() + ":" + a.source())
                .containsExactly("I-1:P-10:FIFO", "I-2:P-9:FIFO");
        assertThat(ledger.openItems()).isEmpty();
    }

    static Stream<Arguments> workedExamplePayments() {
        return Stream.of(
                Arguments.of("A002: 400.00 sent for I-2001 leaves the January fee untouched",
                        List.of(invoice("I-2001", "2025-11-15", "2025-12-15", "1200.00"),
                                fee("I-2001", "2026-01-31", "18.00", "18.00")),
                        payment("P-0003", "2026-02-10", "400.00", "I-2001"),
                        "I-2001=800.00 LF-I-2001-20260131=18.00"),
                Arguments.of("A006: 1000.00 sent for no invoice goes to the oldest item, the invoice, not the fee",
                        List.of(fee("I-6001", "2026-01-31", "30.00", "30.00"),
                                invoice("I-6001", "2025-11-01", "2025-12-01", "2000.00")),
                        payment("P-0004", "2026-03-10", "1000.00", null),
                        "I-6001=1000.00 LF-I-6001-20260131=30.00"),
                Arguments.of("credit is not held back from a disputed item: disputed items are not skipped",
                        List.of(disputed(invoice("I-5001", "2025-12-01", "2025-12-31", "800.00"), "2026-01-10", null),
                                invoice("I-5002", "2026-01-01", "2026-01-31", "100.00")),
                        payment("P-1", "2026-02-10", "850.00", null),
                        "I-5002=50.00"),
                Arguments.of("a fee due on the same date as an invoice issued earlier is paid after it",
                        List.of(fee("I-1", "2026-01-31", "15.00", "15.00"),
                                invoice("I-9", "2026-01-01", "2026-01-31", "100.00")),
                        payment("P-1", "2026-02-10", "105.00", null),
                        "LF-I-1-20260131=10.00"));
    }

    @DisplayName("worked-example payments land where a bookkeeper expects")
    @ParameterizedTest(name = "{0}")
    @MethodSource("workedExamplePayments")
    void workedExamplePayments(String why, List<OpenItem> open, PaymentReceived payment, String openAfter) {
        AccountLedger ledger = new AccountLedger(open, Money.ZERO);
        ledger.replay(List.of(payment));
        assertThat(balances(ledger.openItems())).isEqualTo(openAfter);
        assertThat(Money.format(ledger.unappliedCredit())).isEqualTo("0.00");
    }

    @DisplayName("creating a fee item applies unapplied credit to it")
    @ParameterizedTest(name = "credit {0}, fee 18.00: open {1}, credit {2}")
    @CsvSource(textBlock = """
            10.00, LF-I-2001-20260131=8.00, 0.00
            18.00, ,                        0.00
            25.00, ,                        7.00
            """)
    void feeItemTakesUnappliedCredit(String credit, String openAfter, String creditAfter) {
        AccountLedger ledger = new AccountLedger(List.of(), money(credit));
        ledger.issue(new ArrayList<>(List.of(fee("I-2001", "2026-01-31", "18.00", "18.00"))), date("2026-01-31"));
        assertThat(balances(ledger.openItems())).isEqualTo(text(openAfter));
        assertThat(Money.format(ledger.unappliedCredit())).isEqualTo(creditAfter);
    }
}
