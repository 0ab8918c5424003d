package com.arcycle.ledger;

import static com.arcycle.testing.TestLedger.date;
import static com.arcycle.testing.TestLedger.disputed;
import static com.arcycle.testing.TestLedger.fee;
import static com.arcycle.testing.TestLedger.ids;
import static com.arcycle.testing.TestLedger.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OpenItemTests {

    @DisplayName("DPD is the number of days from the due date to the cycle date (rule 3)")
    @ParameterizedTest(name = "due {0}, cycle {1}: DPD {2}")
    @CsvSource(textBlock = """
            2025-12-15, 2026-01-31,  47
            2025-08-31, 2026-01-31, 153
            2026-01-31, 2026-01-31,   0
            2026-02-04, 2026-01-31,  -4
            2026-01-30, 2026-01-31,   1
            2024-02-28, 2024-03-01,   2
            2025-02-28, 2025-03-01,   1
            2025-10-31, 2026-05-01, 182
            """)
    void daysPastDue(LocalDate due, LocalDate cycleDate, int expected) {
        OpenItem item = invoice("I-1", "2024-01-01", due.toString(), "100.00");
        assertThat(item.dpd(cycleDate)).isEqualTo(expected);
    }

    @DisplayName("an invoice disputed twice is in dispute only inside each period (resolved on D: not in dispute on D)")
    @ParameterizedTest(name = "on {0}: in dispute {1}")
    @CsvSource(textBlock = """
            2026-01-09, false
            2026-01-10, true
            2026-01-31, true
            2026-02-01, false
            2026-02-28, false
            2026-03-01, true
            2026-12-31, true
            """)
    void inDisputeAcrossTwoPeriods(LocalDate day, boolean expected) {
        OpenItem item = disputed(disputed(invoice("I-5001", "2025-12-01", "2025-12-31", "800.00"),
                "2026-01-10", "2026-02-01"), "2026-03-01", null);
        assertThat(item.inDisputeOn(day)).isEqualTo(expected);
    }

    static Stream<Arguments> fifoCases() {
        return Stream.of(
                Arguments.of("due date first, whatever the issue date or id",
                        List.of(invoice("A-1", "2026-01-20", "2026-03-01", "10.00"),
                                invoice("Z-9", "2026-01-25", "2026-02-01", "10.00"),
                                invoice("M-5", "2025-12-01", "2026-02-15", "10.00")),
                        "Z-9 M-5 A-1"),
                Arguments.of("same due date: earlier issue date first",
                        List.of(invoice("A-1", "2026-01-10", "2026-01-31", "10.00"),
                                invoice("B-2", "2025-12-31", "2026-01-31", "10.00")),
                        "B-2 A-1"),
                Arguments.of("same due date, issued earlier: invoice before the cycle's fee",
                        List.of(fee("I-1", "2026-01-31", "18.00", "18.00"),
                                invoice("I-5", "2026-01-01", "2026-01-31", "10.00")),
                        "I-5 LF-I-1-20260131"),
                Arguments.of("same due and issue date: invoice before fee even when its id sorts later",
                        List.of(fee("I-1", "2026-01-31", "18.00", "18.00"),
                                invoice("Z-1", "2026-01-31", "2026-01-31", "10.00")),
                        "Z-1 LF-I-1-20260131"),
                Arguments.of("same dates and kind: id by UTF-8 bytes, I-10 before I-9",
                        List.of(invoice("I-9", "2026-01-01", "2026-01-31", "10.00"),
                                invoice("I-10", "2026-01-01", "2026-01-31", "10.00")),
                        "I-10 I-9"),
                Arguments.of("same dates and kind: upper case before lower case (binary, not case-insensitive)",
                        List.of(invoice("a-1", "2026-01-01", "2026-01-31", "10.00"),
                                invoice("B-1", "2026-01-01", "2026-01-31", "10.00")),
                        "B-1 a-1"),
                Arguments.of("same dates and kind: U+FF5E before U+1F600 (UTF-16 order would say the opposite)",
                        List.of(invoice("I-\uD83D\uDE00", "2026-01-01", "2026-01-31", "10.00"),
                                invoice("I-\uFF5E", "2026-01-01", "2026-01-31", "10.00")),
                        "I-\uFF5E I-\uD83D\uDE00"));
    }

    @DisplayName("FIFO order of rule 2: due date, issue date, INVOICE before FEE, id by UTF-8 bytes")
    @ParameterizedTest(name = "{0}")
    @MethodSource("fifoCases")
    void fifoOrder(String why, List<OpenItem> items, String expectedOrder) {
        for (int shift = 0; shift < items.size(); shift++) {
            List<OpenItem> shuffled = new ArrayList<>(items);
            Collections.rotate(shuffled, shift);
            shuffled.sort(OpenItem.FIFO_ORDER);
            assertThat(ids(shuffled)).isEqualTo(expectedOrder);
        }
    }

    @DisplayName("a fee item carries the invoice it penalises and is not an invoice")
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            I-2001, 2026-01-31, LF-I-2001-20260131
            I-4001, 2026-04-01, LF-I-4001-20260401
            """)
    void feeItemNamesItsInvoice(String invoiceNumber, String cycleDate, String feeId) {
        OpenItem item = fee(invoiceNumber, cycleDate, "18.00", "18.00");
        assertThat(item.itemId()).isEqualTo(feeId);
        assertThat(item.invoiceNumber()).isEqualTo(invoiceNumber);
        assertThat(item.isInvoice()).isFalse();
        assertThat(item.dpd(date(cycleDate))).isZero();
    }
}
