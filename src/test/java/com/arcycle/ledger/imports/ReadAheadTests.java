package com.arcycle.ledger.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

import com.arcycle.ledger.imports.LedgerRows.Invoice;

/** The import's reader on its second thread: file order, checked rows, restart position, failures in place. */
class ReadAheadTests {

    /** More rows than the reader holds ahead, so that it waits for the step and goes on. */
    private static final int ROWS = 2 * ReadAhead.AHEAD + 3;
    private static final String KEY = "ledger-file-invoices.csv.rows.handed";

    @TempDir
    Path dir;

    @Test
    void handsOutEveryRowInFileOrderEachChecked() throws Exception {
        writeInvoices(ROWS, 7, ReadAhead.AHEAD + 1);

        List<Parsed<Invoice>> rows = readAll(new ExecutionContext());

        assertThat(rows).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            long line = i + 2; // the header is line 1
            Parsed<Invoice> row = rows.get(i);
            if (line == 7 || line == ReadAhead.AHEAD + 1) {
                assertThat(row.reject().line()).isEqualTo(line);
                assertThat(row.reject().column()).isEqualTo("amount");
            } else {
                assertThat(row.source().line()).isEqualTo(line);
                assertThat(row.row().invoiceNumber()).isEqualTo("I" + line);
            }
        }
    }

    /** A restarted step gets the row after the last one handed out (and loaded) before. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, ReadAhead.AHEAD - 1, ReadAhead.AHEAD, ROWS - 1, ROWS})
    void aRestartGoesOnAfterTheRowsHandedOutBefore(int handedBefore) throws Exception {
        writeInvoices(ROWS);
        ExecutionContext saved = new ExecutionContext();
        saved.putLong(KEY, handedBefore);

        List<Parsed<Invoice>> rows = readAll(saved);

        assertThat(rows).hasSize(ROWS - handedBefore);
        if (!rows.isEmpty()) {
            assertThat(rows.get(0).source().line()).isEqualTo(handedBefore + 2L);
        }
    }

    /** The saved position is what the step was given, not what the second thread has read ahead. */
    @Test
    void savesTheRowsHandedOutNotTheRowsReadAhead() throws Exception {
        writeInvoices(ROWS);
        ReadAhead<Invoice> reader = reader();
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        for (int i = 0; i < 1234; i++) {
            reader.read();
        }
        Thread.sleep(200); // let the reading thread fill its queue
        reader.update(context);
        reader.close();

        assertThat(context.getLong(KEY)).isEqualTo(1234);
        assertThat(readAll(context).get(0).source().line()).isEqualTo(1236);
    }

    /**
     * A file that breaks while it is read (the check read it whole before) fails the step, after
     * the rows before the break, naming the broken line.
     */
    @Test
    void aFileThatChangedFailsTheStepAfterTheRowsBeforeTheBreak() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(invoices(ROWS).getBytes(StandardCharsets.UTF_8));
        file.write(new byte[] {'I', 'x', ',', (byte) 0xC3, ',', '\n'}); // not UTF-8
        long brokenLine = ROWS + 2;
        Files.write(dir.resolve("invoices.csv"), file.toByteArray());
        ReadAhead<Invoice> reader = reader();
        reader.open(new ExecutionContext());
        List<Long> lines = new ArrayList<>();
        try {
            assertThatThrownBy(() -> {
                for (Parsed<Invoice> row = reader.read(); row != null; row = reader.read()) {
                    lines.add(row.source().line());
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("invoices.csv line " + brokenLine)
                    .hasMessageContaining("the file changed");
        } finally {
            reader.close();
        }
        // The rows before the break came in order; the reader may stop a buffer's worth of rows early.
        assertThat(lines).hasSizeGreaterThan(ROWS - 1000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).isEqualTo(i + 2L);
        }
    }

    private List<Parsed<Invoice>> readAll(ExecutionContext context) throws Exception {
        ReadAhead<Invoice> reader = reader();
        reader.open(context);
        List<Parsed<Invoice>> rows = new ArrayList<>();
        try {
            for (Parsed<Invoice> row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
            assertThat(reader.read()).isNull();
        } finally {
            reader.close();
        }
        return rows;
    }

    private ReadAhead<Invoice> reader() {
        ReadAhead<Invoice> reader = new ReadAhead<>(new LedgerCsvReader("invoices.csv"),
                new RowChecker<>(LedgerRows::invoice), "ledger-file-invoices.csv");
        reader.beforeStep(MetaDataInstanceFactory.createStepExecution(
                new JobParametersBuilder().addString(LedgerImport.LEDGER_DIR, dir.toString()).toJobParameters()));
        return reader;
    }

    /** {@code rows} invoices I2, I3, ... named by their line; the lines listed have an amount that is no number. */
    private void writeInvoices(int rows, long... badAmountLines) throws IOException {
        String csv = invoices(rows);
        for (long line : badAmountLines) {
            String row = "I" + line + ",A1,2026-01-01,2026-01-31,";
            csv = csv.replace(row + "10.00", row + "ten");
        }
        Files.writeString(dir.resolve("invoices.csv"), csv);
    }

    private static String invoices(int rows) {
        StringBuilder csv = new StringBuilder("invoice_number,account_number,issue_date,due_date,amount,description\n");
        for (int line = 2; line < rows + 2; line++) {
            csv.append('I').append(line).append(",A1,2026-01-01,2026-01-31,10.00,\n");
        }
        return csv.toString();
    }
}
