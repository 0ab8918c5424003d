package com.arcycle.statements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.ExporterInputItem;
import net.sf.jasperreports.export.SimpleExporterInputItem;

import com.arcycle.domain.Utf8Order;
import com.arcycle.reports.ReportRenderingException;
import com.arcycle.reports.Reports;

/**
 * The print file's statements as the PDF exporter's input list, taken in order from an iterator
 * ({@link StatementRenderer#writePrintFile}). One statement ahead is read and filled on a second
 * thread while the exporter writes the current one (filling and exporting each take about half of
 * a statement's time), so at most three statements' pages are in memory at once. It checks that the
 * statements come in account order, with the print file's date, as many as it was told.
 */
final class PrintFileStatements extends AbstractList<ExporterInputItem> implements AutoCloseable {

    private static final int AHEAD = 2;

    private final LocalDate cycleDate;
    private final int count;
    private final Iterator<StatementDocument> statements;
    private final Function<StatementDocument, JasperPrint> fill;
    private final ExecutorService filler = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "print-file-filler");
        thread.setDaemon(true);
        return thread;
    });
    private final ArrayDeque<Future<ExporterInputItem>> ahead = new ArrayDeque<>();
    private int submitted;
    private int index = -1;
    private ExporterInputItem current;
    // Touched only on the filler thread, one task after another, in order.
    private String lastAccount;
    private final MessageDigest contents = md5();


    /** @param fill fills one statement's report (the renderer's {@code fill}) */
    PrintFileStatements(LocalDate cycleDate, int count, Iterator<StatementDocument> statements,
            Function<StatementDocument, JasperPrint> fill) {
        this.cycleDate = cycleDate;
        this.count = count;
        this.statements = statements;
        this.fill = fill;
    }

    /** The statement the exporter asked for last (-1 before the first). */
    int index() {
        return index;
    }

    @Override
    public ExporterInputItem get(int i) {
        if (i == index) {
            return current;
        }
        if (i != index + 1 || i >= count) {
            throw new IllegalStateException("print file: statement " + i + " asked for after " + index);
        }
        while (submitted < count && submitted <= i + AHEAD) {
            int position = submitted++;
            ahead.add(filler.submit(() -> next(position)));
        }
        current = null; // let the previous statement's pages go
        try {
            current = ahead.remove().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportRenderingException("the print file was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ReportRenderingException("cannot fill statement " + (i + 1) + " of the print file", e);
        }
        index = i;
        return current;
    }

    /** Reads, checks and fills statement {@code i}; runs on the filler thread. */
    private ExporterInputItem next(int i) {
        if (!statements.hasNext()) {
            throw new IllegalArgumentException("the print file was told " + count + " statements but only "
                    + i + " came");
        }
        StatementDocument document = statements.next();
        String account = document.customer().accountNumber();
        if (!document.statementDate().equals(cycleDate)) {
            throw new IllegalArgumentException("statement of " + account + " is dated " + document.statementDate()
                    + ", the print file " + cycleDate);
        }
        if (lastAccount != null && Utf8Order.INSTANCE.compare(lastAccount, account) >= 0) {
            throw new IllegalArgumentException("print file statements must be in account order: " + account
                    + " came after " + lastAccount);
        }
        lastAccount = account;
        contents.update(Reports.digest(document).getBytes(StandardCharsets.US_ASCII));
        return new SimpleExporterInputItem(fill.apply(document));
    }

    /** Whether the iterator has more than it was told; asked after the last statement was taken. */
    boolean more() {
        try {
            return filler.submit(statements::hasNext).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportRenderingException("the print file was interrupted", e);
        } catch (ExecutionException e) {
            throw new ReportRenderingException("cannot read past the print file's statements", e.getCause());
        }
    }

    String digest() {
        try {
            return filler.submit(() -> HexFormat.of().formatHex(contents.digest())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportRenderingException("the print file was interrupted", e);
        } catch (ExecutionException e) {
            throw new ReportRenderingException("cannot digest the print file's statements", e.getCause());
        }
    }

    /** Stops the filler, and waits for it: the caller closes the statements' cursors next. */
    @Override
    public void close() {
        filler.shutdownNow();
        try {
            if (!filler.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new ReportRenderingException("the print file's filler did not stop", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int size() {
        return count;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
