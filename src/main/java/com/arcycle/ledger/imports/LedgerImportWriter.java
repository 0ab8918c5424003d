package com.arcycle.ledger.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Loads a chunk of checked rows: rows already loaded with the same values are passed over
 * (importing the same files again changes nothing), rows that conflict with a loaded row or
 * refer to an unknown account or invoice are rejected, rows the target lets change a loaded row
 * (a customer's new address) update it, the rest are inserted. Rejects are stored in
 * import_reject in the same transaction, so a restart neither loses nor repeats them.
 */
final class LedgerImportWriter<T> implements ItemWriter<Parsed<T>>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LedgerImportWriter.class);

    /** Step execution context keys: rows inserted, changed, found as loaded, rejected; the notes. */
    static final String LOADED = "loaded";
    static final String UPDATED = "updated";
    static final String UNCHANGED = "unchanged";
    static final String REJECTED = "rejected";
    static final String NOTE_COUNT = "notes.count";
    static final String NOTES = "notes";
    /** Notes kept for the console; the log has every one. */
    static final int NOTES_KEPT = 10;

    private final ImportTarget<T> target;
    private final ImportRejects rejects;
    /** The running step's: its run keys the rejects, its context keeps the counts. */
    private StepExecution stepExecution;
    /** The keys this step inserted, when its table was empty as it started; else null. */
    private InsertedKeys inserted;

    LedgerImportWriter(ImportTarget<T> target, ImportRejects rejects) {
        this.target = target;
        this.rejects = rejects;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
        // Checked afresh on a restart: the rows a failed run committed are then looked up.
        inserted = target.foundByInsertedKey() && target.nothingLoaded() ? new InsertedKeys() : null;
    }

    @Override
    public void write(Chunk<? extends Parsed<T>> chunk) {
        List<Reject> rejected = new ArrayList<>();
        List<Parsed<T>> checked = new ArrayList<>();
        for (Parsed<T> parsed : chunk) {
            if (parsed.reject() != null) {
                rejected.add(parsed.reject());
            } else {
                checked.add(parsed);
            }
        }
        List<T> rows = checked.stream().map(Parsed::row).toList();
        List<T> lookUp = inserted == null ? rows
                : rows.stream().filter(row -> inserted.mayContain(target.key(row))).toList();
        Map<String, T> loaded = lookUp.isEmpty() ? Map.of() : target.loaded(lookUp);
        ImportTarget.ReferenceCheck<T> references = rows.isEmpty() ? row -> Optional.empty()
                : target.references(rows);
        // Rows of this chunk by id, as they will be stored, and the line each was last taken from.
        Map<String, T> accepted = new HashMap<>();
        Map<String, Long> acceptedLine = new HashMap<>();
        Map<String, T> inserts = new LinkedHashMap<>();
        Map<String, T> updates = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        long unchanged = 0;
        for (Parsed<T> parsed : checked) {
            T row = parsed.row();
            CsvRow source = parsed.source();
            String key = target.key(row);
            Optional<RowRejected> broken = references.check(row);
            if (broken.isPresent()) {
                rejected.add(broken.get().at(source));
                continue;
            }
            T earlier = accepted.containsKey(key) ? accepted.get(key) : loaded.get(key);
            T stored = row;
            if (earlier != null) {
                Optional<String> conflict = target.conflict(earlier, row);
                if (conflict.isPresent()) {
                    String where = acceptedLine.containsKey(key) ? "line " + acceptedLine.get(key) + " of this file"
                            : "an earlier import";
                    rejected.add(new Reject(source.fileName(), source.line(), target.keyColumn(), key,
                            "duplicate " + target.keyColumn() + " with a different " + conflict.get() + " than "
                                    + where));
                    continue;
                }
                target.note(earlier, row).ifPresent(note -> notes.add(source.fileName() + " line " + source.line()
                        + ": " + note));
                stored = target.merge(earlier, row);
                if (stored.equals(earlier)) {
                    unchanged++;
                    continue;
                }
            }
            if (earlier == null || inserts.containsKey(key)) {
                inserts.put(key, stored);
            } else {
                updates.put(key, stored);
            }
            accepted.put(key, stored);
            acceptedLine.put(key, source.line());
        }
        if (!inserts.isEmpty()) {
            target.insert(new ArrayList<>(inserts.values()));
            if (inserted != null) {
                // Before the commit: a chunk rolled back leaves keys that only cost a lookup.
                inserts.keySet().forEach(inserted::add);
            }
        }
        if (!updates.isEmpty()) {
            target.update(new ArrayList<>(updates.values()));
        }
        if (!rejected.isEmpty()) {
            rejects.add(stepExecution.getJobExecution().getJobInstance().getInstanceId(), rejected);
        }
        ExecutionContext context = stepExecution.getExecutionContext();
        add(context, LOADED, inserts.size());
        add(context, UPDATED, updates.size());
        add(context, UNCHANGED, unchanged);
        add(context, REJECTED, rejected.size());
        keep(context, notes);
    }

    private static void add(ExecutionContext context, String key, long count) {
        context.putLong(key, context.getLong(key, 0) + count);
    }

    private static void keep(ExecutionContext context, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        notes.forEach(log::warn);
        long kept = Math.min(context.getLong(NOTE_COUNT, 0), NOTES_KEPT);
        List<String> more = notes.subList(0, (int) Math.min(notes.size(), NOTES_KEPT - kept));
        if (!more.isEmpty()) {
            String earlier = context.getString(NOTES, "");
            context.putString(NOTES, (earlier.isEmpty() ? "" : earlier + "\n") + String.join("\n", more));
        }
        add(context, NOTE_COUNT, notes.size());
    }
}
