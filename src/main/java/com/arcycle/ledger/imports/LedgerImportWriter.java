package com.arcycle.ledger.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads a chunk of checked rows: rows already loaded with the same values are passed over
 * (importing the same files again changes nothing), rows that conflict with a loaded row or
 * refer to an unknown account or invoice are rejected, the rest are inserted. Rejects are
 * stored in import_reject in the same transaction, so a restart neither loses nor repeats them.
 */
final class LedgerImportWriter<T> implements ItemWriter<Parsed<T>> {

    static final String LOADED = "loaded";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";

    private final ImportTarget<T> target;
    private final JdbcTemplate jdbc;
    private final StepExecution stepExecution;

    LedgerImportWriter(ImportTarget<T> target, JdbcTemplate jdbc, StepExecution stepExecution) {
        this.target = target;
        this.jdbc = jdbc;
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends Parsed<T>> chunk) {
        List<Reject> rejects = new ArrayList<>();
        List<Parsed<T>> checked = new ArrayList<>();
        for (Parsed<T> parsed : chunk) {
            if (parsed.reject() != null) {
                rejects.add(parsed.reject());
            } else {
                checked.add(parsed);
            }
        }
        List<T> rows = checked.stream().map(Parsed::row).toList();
        Map<String, T> loaded = rows.isEmpty() ? Map.of() : target.loaded(rows);
        ImportTarget.ReferenceCheck<T> references = rows.isEmpty() ? row -> Optional.empty()
                : target.references(rows);
        Map<String, T> accepted = new HashMap<>();
        Map<String, Long> acceptedLine = new HashMap<>();
        List<T> inserts = new ArrayList<>();
        List<T> updates = new ArrayList<>();
        long unchanged = 0;
        for (Parsed<T> parsed : checked) {
            T row = parsed.row();
            CsvRow source = parsed.source();
            String key = target.key(row);
            Optional<RowRejected> broken = references.check(row);
            if (broken.isPresent()) {
                rejects.add(broken.get().at(source));
                continue;
            }
            T earlier = accepted.containsKey(key) ? accepted.get(key) : loaded.get(key);
            if (earlier == null) {
                inserts.add(row);
            } else if (earlier.equals(row)) {
                unchanged++;
                continue;
            } else {
                Optional<String> conflict = target.conflict(earlier, row);
                if (conflict.isPresent()) {
                    String where = acceptedLine.containsKey(key) ? "line " + acceptedLine.get(key) + " of this file"
                            : "an earlier import";
                    rejects.add(new Reject(source.fileName(), source.line(), target.keyColumn(), key,
                            "duplicate " + target.keyColumn() + " with a different " + conflict.get() + " than "
                                    + where));
                    continue;
                }
                if (accepted.containsKey(key) && inserts.contains(earlier)) {
                    inserts.set(inserts.indexOf(earlier), row);
                } else {
                    updates.add(row);
                }
            }
            accepted.put(key, row);
            acceptedLine.put(key, source.line());
        }
        if (!inserts.isEmpty()) {
            target.insert(inserts);
        }
        if (!updates.isEmpty()) {
            target.update(updates);
        }
        if (!rejects.isEmpty()) {
            long instance = stepExecution.getJobExecution().getJobInstance().getInstanceId();
            jdbc.batchUpdate("INSERT INTO import_reject (job_instance, file_name, line_number, column_name,"
                    + " field_value, reason) VALUES (?, ?, ?, ?, ?, ?)",
                    rejects.stream().map(r -> new Object[] {instance, r.fileName(), r.line(), r.column(),
                            truncate(r.value()), truncate(r.reason())}).toList());
        }
        ExecutionContext context = stepExecution.getExecutionContext();
        context.putLong(LOADED, context.getLong(LOADED, 0) + inserts.size() + updates.size());
        context.putLong(UNCHANGED, context.getLong(UNCHANGED, 0) + unchanged);
        context.putLong(REJECTED, context.getLong(REJECTED, 0) + rejects.size());
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 497) + "...";
    }
}
