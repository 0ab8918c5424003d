package com.arcycle.ledger.imports;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the rows of one ledger file go, and the checks that need the database. Each method is
 * called once per chunk with all its rows, so a chunk costs a fixed number of queries.
 */
interface ImportTarget<T> {

    /** The row's id (composite ids joined by "|"). */
    String key(T row);

    /** The column that holds the id, for reject reports. */
    String keyColumn();

    /** The rows already loaded with the same ids as these, by id. */
    Map<String, T> loaded(Collection<T> rows);

    /** Whether the target's table holds no row at all (asked as a file's step starts). */
    boolean nothingLoaded();

    /**
     * Whether {@link #loaded} finds a row only under the key it was inserted with: then, on a
     * table that was empty, only the keys the step inserted can be loaded ({@link InsertedKeys}).
     */
    default boolean foundByInsertedKey() {
        return true;
    }

    /** Looks up what the rows refer to; returns the check to apply to each row. */
    ReferenceCheck<T> references(Collection<T> rows);

    /**
     * When a loaded row has the same id but other values: empty when the new row may change it
     * (a dispute's resolution filled in later, a customer's new address), else the conflicting
     * column.
     */
    Optional<String> conflict(T loaded, T row);

    /** What a loaded row becomes when {@link #conflict} allows {@code row} to change it. */
    default T merge(T loaded, T row) {
        return row;
    }

    /** What {@link #merge} kept of the loaded row against what the file says, or empty. */
    default Optional<String> note(T loaded, T row) {
        return Optional.empty();
    }

    void insert(List<T> rows);

    /** Stores rows that {@link #merge} changed. */
    void update(List<T> rows);

    @FunctionalInterface
    interface ReferenceCheck<T> {
        /** Why the row refers to something that does not match, or empty. */
        Optional<RowRejected> check(T row);
    }
}
