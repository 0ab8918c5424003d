package com.arcycle.ledger;

import static com.arcycle.testing.TestLedger.date;
import static com.arcycle.testing.TestLedger.invoice;
import static com.arcycle.testing.TestLedger.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.arcycle.ledger.LedgerEvent.InvoiceIssued;
import com.arcycle.ledger.LedgerEvent.PaymentReceived;

/** Rule 2's event order: by date; on one date invoices issued, then payments by payment_id (UTF-8 bytes). */
class LedgerEventTests {

    static LedgerEvent issued(String id, String date) {
        return new InvoiceIssued(invoice(id, date, date, "100.00"));
    }

    static LedgerEvent paid(String id, String date) {
        return new PaymentReceived(id, date(date), money("10.00"), null);
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("dates first: a payment of the 5th before an invoice of the 6th",
                        List.of(issued("I-1", "2026-01-06"), paid("P-1", "2026-01-05")), "P-1 I-1"),
                Arguments.of("same date: invoice issued before payment received, whatever the ids",
                        List.of(paid("A-0", "2026-02-10"), issued("Z-9", "2026-02-10")), "Z-9 A-0"),
                Arguments.of("same date: payments by payment_id bytes, P-10 before P-9",
                        List.of(paid("P-9", "2026-02-10"), paid("P-10", "2026-02-10")), "P-10 P-9"),
                Arguments.of("same date: upper-case id before lower-case id",
                        List.of(paid("p-1", "2026-02-10"), paid("P-2", "2026-02-10")), "P-2 p-1"),
                Arguments.of("same date: U+FF5E before U+1F600 (UTF-8 order, not UTF-16)",
                        List.of(paid("P\uD83D\uDE00", "2026-02-10"), paid("P\uFF5E", "2026-02-10")),
                        "P\uFF5E P\uD83D\uDE00"),
                Arguments.of("a whole month",
                        List.of(paid("P-3", "2026-01-20"), issued("I-2", "2026-01-20"), paid("P-1", "2026-01-02"),
                                issued("I-1", "2026-01-02"), paid("P-2", "2026-01-20")),
                        "I-1 P-1 I-2 P-2 P-3"));
    }

    @DisplayName("events replay in rule 2's order")
    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void eventOrder(String why, List<LedgerEvent> events, String expected) {
        for (int shift = 0; shift < events.size(); shift++) {
            List<LedgerEvent> shuffled = new ArrayList<>(events);
            Collections.rotate(shuffled, shift);
            shuffled.sort(LedgerEvent.EVENT_ORDER);
            assertThat(shuffled.stream().map(LedgerEvent::id).collect(Collectors.joining(" "))).isEqualTo(expected);
        }
    }
}
