package com.arcycle.ledger.imports;

import static com.arcycle.ledger.imports.LoadedRows.byKey;
import static com.arcycle.ledger.imports.LoadedRows.date;
import static com.arcycle.ledger.imports.LoadedRows.firstDifference;
import static com.arcycle.ledger.imports.LoadedRows.unknownInvoice;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.arcycle.batch.BulkInserter;
import com.arcycle.batch.BulkInserter.Table;
import com.arcycle.ledger.imports.LedgerRows.Dispute;

/**
 * disputes.csv into the dispute table, a dispute known by its invoice and the day it was opened.
 * A dispute loaded while open may be loaded again with its resolution filled in.
 */
final class DisputesFile implements ImportTarget<Dispute> {

    private static final Table TABLE = Table.of("dispute", "invoice_number", "opened_date", "resolved_date", "reason");

    private final NamedParameterJdbcTemplate named;
    private final BulkInserter bulk;

    DisputesFile(NamedParameterJdbcTemplate named, BulkInserter bulk) {
        this.named = named;
        this.bulk = bulk;
    }

    @Override
    public String key(Dispute row) {
        return row.invoiceNumber() + "|" + row.openedDate();
    }

    @Override
    public String keyColumn() {
        return "invoice_number|opened_date";
    }

    @Override
    public Map<String, Dispute> loaded(Collection<Dispute> rows) {
        return byKey(named.query("SELECT * FROM dispute WHERE invoice_number IN (:ids)",
                Map.of("ids", invoices(rows)), (rs, n) -> new Dispute(rs.getString("invoice_number"),
                        date(rs, "opened_date"), date(rs, "resolved_date"), rs.getString("reason"))), this::key);
    }

    @Override
    public boolean nothingLoaded() {
        return LoadedRows.empty(named, "dispute");
    }

    @Override
    public ReferenceCheck<Dispute> references(Collection<Dispute> rows) {
        Set<String> known = new HashSet<>(named.queryForList(
                "SELECT invoice_number FROM invoice WHERE invoice_number IN (:ids)", Map.of("ids", invoices(rows)),
                String.class));
        return row -> known.contains(row.invoiceNumber()) ? Optional.empty()
                : Optional.of(unknownInvoice(row.invoiceNumber()));
    }

    private static List<String> invoices(Collection<Dispute> rows) {
        return rows.stream().map(Dispute::invoiceNumber).distinct().toList();
    }

    @Override
    public Optional<String> conflict(Dispute loaded, Dispute row) {
        if (loaded.resolvedDate() == null && row.resolvedDate() != null) {
            return Optional.empty();
        }
        return firstDifference(loaded, row);
    }

    @Override
    public void insert(List<Dispute> rows) {
        bulk.insert(TABLE, rows.stream().map(d -> new Object[] {d.invoiceNumber(), d.openedDate(), d.resolvedDate(),
            d.reason()}).toList());
    }

    @Override
    public void update(List<Dispute> rows) {
        named.getJdbcTemplate().batchUpdate("UPDATE dispute SET resolved_date = ?, reason = ? WHERE invoice_number = ?"
                + " AND opened_date = ?", rows.stream().map(d -> new Object[] {d.resolvedDate(), d.reason(),
                        d.invoiceNumber(), d.openedDate()}).toList());
    }
}
