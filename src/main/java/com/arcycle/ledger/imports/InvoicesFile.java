package com.arcycle.ledger.imports;

import static com.arcycle.ledger.imports.LoadedRows.byKey;
import static com.arcycle.ledger.imports.LoadedRows.date;
import static com.arcycle.ledger.imports.LoadedRows.firstDifference;
import static com.arcycle.ledger.imports.LoadedRows.knownAccounts;
import static com.arcycle.ledger.imports.LoadedRows.unknownAccount;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.ledger.imports.LedgerRows.Invoice;

/** invoices.csv into the invoice table: an invoice is loaded once and never changes. */
final class InvoicesFile implements ImportTarget<Invoice> {

    private static final Table TABLE = Table.of("invoice", "invoice_number", "account_number", "issue_date",
            "due_date", "amount", "description");

    private final NamedParameterJdbcTemplate named;
    private final BulkInserter bulk;

    InvoicesFile(NamedParameterJdbcTemplate named, BulkInserter bulk) {
        this.named = named;
        this.bulk = bulk;
    }

    @Override
    public String key(Invoice row) {
        return row.invoiceNumber();
    }

    @Override
    public String keyColumn() {
        return "invoice_number";
    }

    @Override
    public Map<String, Invoice> loaded(Collection<Invoice> rows) {
        return byKey(named.query("SELECT * FROM invoice WHERE invoice_number IN (:ids)",
                Map.of("ids", rows.stream().map(Invoice::invoiceNumber).toList()),
                (rs, n) -> new Invoice(rs.getString("invoice_number"), rs.getString("account_number"),
                        date(rs, "issue_date"), date(rs, "due_date"), rs.getBigDecimal("amount"),
                        rs.getString("description"))), Invoice::invoiceNumber);
    }

    @Override
    public boolean nothingLoaded() {
        return LoadedRows.empty(named, "invoice");
    }

    @Override
    public ReferenceCheck<Invoice> references(Collection<Invoice> rows) {
        Set<String> known = knownAccounts(named, rows.stream().map(Invoice::accountNumber).toList());
        return row -> unknownAccount(known, row.accountNumber());
    }

    @Override
    public Optional<String> conflict(Invoice loaded, Invoice row) {
        return firstDifference(loaded, row);
    }

    @Override
    public void insert(List<Invoice> rows) {
        bulk.insert(TABLE, rows.stream().map(i -> new Object[] {i.invoiceNumber(), i.accountNumber(), i.issueDate(),
            i.dueDate(), i.amount(), i.description()}).toList());
    }

    @Override
    public void update(List<Invoice> rows) {
        throw new IllegalStateException("invoices are never updated");
    }
}
