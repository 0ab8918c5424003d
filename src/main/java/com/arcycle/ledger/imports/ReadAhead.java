package com.arcycle.ledger.imports;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads and checks a ledger file's rows on a second thread, up to {@link #AHEAD} rows ahead, so
 * that parsing the next chunk and the database loading the one before overlap (one core each).
 * The rows come in file order, as the file reader gives them, each checked by {@link RowChecker}.
 * <p>
 * The restart position is the number of rows handed to the step, saved with each chunk; the file
 * reader's own count runs ahead and is never saved. A restart reads the file from its first row
 * again and passes over the rows handed out before, unchecked.
 */
final class ReadAhead<T> implements ItemStreamReader<Parsed<T>>, StepExecutionListener {

    /** Two chunks: one being loaded, the next read and checked meanwhile. */
    static final int AHEAD = 2 * ImportLedgerJobConfiguration.CHUNK_SIZE;

    private static final Object END = new Object();

    /** What the reading thread failed with, handed out at the row where it happened. */
    private record Failure(RuntimeException exception) {
    }

    private final LedgerCsvReader file;
    private final RowChecker<T> checker;
    private final String countKey;
    private BlockingQueue<Object> queue;
    private Thread reading;
    private long handed;
    private boolean ended;

    ReadAhead(LedgerCsvReader file, RowChecker<T> checker, String name) {
        this.file = file;
        this.checker = checker;
        this.countKey = name + ".rows.handed";
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        file.beforeStep(stepExecution);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        return file.afterStep(stepExecution);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        handed = executionContext.getLong(countKey, 0);
        ended = false;
        file.open(new ExecutionContext());
        queue = new ArrayBlockingQueue<>(AHEAD);
        long passOver = handed;
        reading = new Thread(() -> read(passOver), "read-ahead");
        reading.setDaemon(true);
        reading.start();
    }

    /** The reading thread: passes over what was handed out before, then reads and checks to the end. */
    private void read(long passOver) {
        try {
            try {
                for (long i = 0; i < passOver && file.read() != null; i++) {
                    // Handed out, checked and loaded by an earlier run.
                }
                for (CsvRow row = file.read(); row != null; row = file.read()) {
                    queue.put(checker.process(row));
                }
                queue.put(END);
            } catch (InterruptedException stopped) {
                throw stopped;
            } catch (RuntimeException e) {
                queue.put(new Failure(e));
            } catch (Exception e) {
                queue.put(new Failure(new ItemStreamException(e.getMessage(), e)));
            }
        } catch (InterruptedException stopped) {
            // close(): the step is over.
            Thread.currentThread().interrupt();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Parsed<T> read() throws InterruptedException {
        if (ended) {
            return null;
        }
        Object next = queue.take();
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof Failure failure) {
            ended = true;
            throw failure.exception();
        }
        handed++;
        return (Parsed<T>) next;
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(countKey, handed);
    }

    @Override
    public void close() {
        if (reading != null) {
            reading.interrupt();
            try {
                reading.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reading = null;
        }
        file.close();
    }
}
