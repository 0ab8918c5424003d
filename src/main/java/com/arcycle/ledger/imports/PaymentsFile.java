package com.arcycle.ledger.imports;

import static com.arcycle.ledger.imports.LoadedRows.byKey;
import static com.arcycle.ledger.imports.LoadedRows.date;
import static com.arcycle.ledger.imports.LoadedRows.firstDifference;
import static com.arcycle.ledger.imports.LoadedRows.knownAccounts;
import static com.arcycle.ledger.imports.LoadedRows.unknownAccount;
import static com.arcycle.ledger.imports.LoadedRows.unknownInvoice;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.ledger.imports.LedgerRows.Payment;

/**
 * payments.csv into the payment table: a payment is loaded once and never changes; the invoice
 * it names, if any, must be its account's.
 */
final class PaymentsFile implements ImportTarget<Payment> {

    private static final Table TABLE = Table.of("payment", "payment_id", "account_number", "invoice_number",
            "received_date", "amount", "reference");

    private final NamedParameterJdbcTemplate named;
    private final BulkInserter bulk;

    PaymentsFile(NamedParameterJdbcTemplate named, BulkInserter bulk) {
        this.named = named;
        this.bulk = bulk;
    }

    @Override
    public String key(Payment row) {
        return row.paymentId();
    }

    @Override
    public String keyColumn() {
        return "payment_id";
    }

    @Override
    public Map<String, Payment> loaded(Collection<Payment> rows) {
        return byKey(named.query("SELECT * FROM payment WHERE payment_id IN (:ids)",
                Map.of("ids", rows.stream().map(Payment::paymentId).toList()),
                (rs, n) -> new Payment(rs.getString("payment_id"), rs.getString("account_number"),
                        rs.getString("invoice_number"), date(rs, "received_date"), rs.getBigDecimal("amount"),
                        rs.getString("reference"))), Payment::paymentId);
    }

    @Override
    public boolean nothingLoaded() {
        return LoadedRows.empty(named, "payment");
    }

    @Override
    public ReferenceCheck<Payment> references(Collection<Payment> rows) {
        Set<String> known = knownAccounts(named, rows.stream().map(Payment::accountNumber).toList());
        Map<String, String> invoiceAccount = invoiceAccounts(
                rows.stream().map(Payment::invoiceNumber).filter(Objects::nonNull).toList());
        return row -> {
            Optional<RowRejected> account = unknownAccount(known, row.accountNumber());
            if (account.isPresent() || row.invoiceNumber() == null) {
                return account;
            }
            String owner = invoiceAccount.get(row.invoiceNumber());
            if (owner == null) {
                return Optional.of(unknownInvoice(row.invoiceNumber()));
            }
            if (!owner.equals(row.accountNumber())) {
                return Optional.of(new RowRejected("invoice_number", row.invoiceNumber(), "invoice "
                        + row.invoiceNumber() + " belongs to account " + owner + ", not " + row.accountNumber()));
            }
            return Optional.empty();
        };
    }

    /** The account of each of these invoices that is loaded. */
    private Map<String, String> invoiceAccounts(List<String> invoices) {
        Map<String, String> accounts = new HashMap<>();
        if (!invoices.isEmpty()) {
            named.query("SELECT invoice_number, account_number FROM invoice WHERE invoice_number IN (:ids)",
                    Map.of("ids", new HashSet<>(invoices)), rs -> {
                        accounts.put(rs.getString(1), rs.getString(2));
                    });
        }
        return accounts;
    }

    @Override
    public Optional<String> conflict(Payment loaded, Payment row) {
        return firstDifference(loaded, row);
    }

    @Override
    public void insert(List<Payment> rows) {
        bulk.insert(TABLE, rows.stream().map(p -> new Object[] {p.paymentId(), p.accountNumber(), p.invoiceNumber(),
            p.receivedDate(), p.amount(), p.reference()}).toList());
    }

    @Override
    public void update(List<Payment> rows) {
        throw new IllegalStateException("payments are never updated");
    }
}
