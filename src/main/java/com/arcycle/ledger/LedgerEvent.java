package com.arcycle.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;

import com.arcycle.domain.Utf8Order;

/** What happens to an account's ledger, replayed in date order (rule 2). */
public sealed interface LedgerEvent {

    /** On one date: invoices issued, then payments by payment_id. */
    Comparator<LedgerEvent> EVENT_ORDER = Comparator.comparing(LedgerEvent::date)
            .thenComparingInt(LedgerEvent::rank)
            .thenComparing(LedgerEvent::id, Utf8Order.INSTANCE);

    LocalDate date();

    int rank();

    String id();

    /** An invoice enters the ledger on its issue date with its full amount as balance. */
    record InvoiceIssued(OpenItem item) implements LedgerEvent {
        @Override
        public LocalDate date() {
            return item.issueDate();
        }

        @Override
        public int rank() {
            return 1;
        }

        @Override
        public String id() {
            return item.itemId();
        }
    }

    /** A payment received; {@code invoiceNumber} is null when it was sent for no invoice. */
    record PaymentReceived(String paymentId, LocalDate receivedDate, BigDecimal amount, String invoiceNumber)
            implements LedgerEvent {
        @Override
        public LocalDate date() {
            return receivedDate;
        }

        @Override
        public int rank() {
            return 2;
        }

        @Override
        public String id() {
            return paymentId;
        }
    }
}
