package com.arcycle.ledger.imports;

import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks each row on its own by its file's row rules ({@link LedgerRows}): a row that breaks a
 * rule becomes a reject, never an error.
 */
final class RowChecker<T> implements ItemProcessor<CsvRow, Parsed<T>> {

    private final Function<CsvRow, T> rules;

    RowChecker(Function<CsvRow, T> rules) {
        this.rules = rules;
    }

    @Override
    public Parsed<T> process(CsvRow row) {
        if (row.problem() != null) {
            return Parsed.rejected(new Reject(row.fileName(), row.line(), "", "", row.problem()));
        }
        try {
            return Parsed.ok(row, rules.apply(row));
        } catch (RowRejected rejected) {
            return Parsed.rejected(rejected.at(row));
        }
    }
}
