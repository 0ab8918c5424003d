package com.arcycle.statements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.export.ExporterInputItem;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleExporterInputItem;

import com.arcycle.platform.PrivateFiles;
import com.arcycle.domain.Utf8Order;
import com.arcycle.reports.Formats;
import com.arcycle.reports.RecordDataSource;
import com.arcycle.reports.ReportRenderingException;
import com.arcycle.reports.Reports;

/**
 * Renders statements ({@code reports/statement.jrxml} with its fee table
 * {@code reports/statement-fees.jrxml}) to PDF.
 *
 * <p>The compiled reports are loaded once, when the renderer is made; nothing is compiled at run
 * time. One renderer is safe to share between threads: every call fills its own report from its own
 * document, and exports with its own exporter. The same document always gives the same bytes.
 */
public final class StatementRenderer {

    private final JasperReport statement;
    private final JasperReport feeTable;

    private StatementRenderer(JasperReport statement, JasperReport feeTable) {
        this.statement = statement;
        this.feeTable = feeTable;
    }

    /** Loads the compiled {@code reports/statement.jasper} and {@code reports/statement-fees.jasper}. */
    public static StatementRenderer fromClasspath() {
        return new StatementRenderer(Reports.load("statement"), Reports.load("statement-fees"));
    }

    /** Fills the statement: Jasper's in-memory pages, e.g. for a page count or a custom export. */
    public JasperPrint fill(StatementDocument document) {
        Map<String, Object> parameters = Reports.parameters();
        parameters.put("doc", document);
        parameters.put("f", new Formats(document.currency()));
        parameters.put("feeTable", feeTable);
        parameters.put("feeLines", new RecordDataSource(document.fees()));
        try {
            return JasperFillManager.getInstance(Reports.CONTEXT)
                    .fill(statement, parameters, new RecordDataSource(document.openItems()));
        } catch (JRException | RuntimeException e) {
            throw new ReportRenderingException("cannot fill the statement of " + key(document) + ": " + e.getMessage(), e);
        }
    }

    /** The statement as PDF bytes. */
    public byte[] render(StatementDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(document, out);
        return out.toByteArray();
    }

    /** Writes the statement as PDF to {@code out} (left open). */
    public void render(StatementDocument document, OutputStream out) {
        JasperPrint print = fill(document);
        try {
            Reports.exportPdf(SimpleExporterInput.getInstance(List.of(print)), out, document.statementDate(),
                    key(document), () -> Reports.digest(document), title(document), document.business().name());
        } catch (JRException | RuntimeException e) {
            throw new ReportRenderingException("cannot export the statement of " + key(document) + ": " + e.getMessage(), e);
        }
    }

    /** A statement written to its file, with the SHA-256 (hex) of the bytes written. */
    public record StatementFile(Path file, String sha256) {
    }

    /**
     * Writes the statement to {@code folder/<file name>} ({@link StatementFileName}): first under a
     * temporary name, created 0640, then renamed, so a crash never leaves half a PDF under the real
     * name. The SHA-256 is taken as the bytes are written, so the file need not be read again.
     */
    public StatementFile renderTo(StatementDocument document, Path folder) {
        Path target = StatementFileName.in(folder, document.fileName());
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            PrivateFiles.createDirectories(folder);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(PrivateFiles.newOutputStream(temporary), sha256)) {
                render(document, out);
            }
            Path file = Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return new StatementFile(file, HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new ReportRenderingException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the print file for the mailing house ({@code statements-print.pdf}): all statements of
     * the cycle in one PDF, in account order, each with its own page numbers.
     *
     * <p>Streaming: the statements are taken from the iterator in order, a couple ahead of the PDF
     * exporter, and filled on a second thread while the exporter writes the one before; each is
     * dropped once its pages are written. A few statements' pages are in memory at once, and the
     * embedded font subsets are shared by the whole file. The iterator is used from that second
     * thread only (one call after another); the batch step feeds it from a cursor ordered by
     * account number.
     *
     * @param cycleDate the cycle date: the file's date; every statement must have it
     * @param count how many statements the iterator gives (Jasper needs the number up front), at least 1
     * @param statements the statements in increasing account order (UTF-8 byte order)
     * @param out where the PDF goes (left open)
     * @throws IllegalArgumentException when the order, the cycle date or the count is wrong
     */
    public void writePrintFile(LocalDate cycleDate, int count, Iterator<StatementDocument> statements,
            OutputStream out) {
        if (count < 1) {
            throw new IllegalArgumentException("a print file holds at least one statement; got count " + count);
        }
        try (LazyStatements items = new LazyStatements(cycleDate, count, statements)) {
            try {
                Reports.exportPdf(() -> items, out, cycleDate, "statements-print/" + cycleDate, items::digest,
                        "Statements of " + cycleDate, "arcycle");
            } catch (JRException e) {
                throw new ReportRenderingException("cannot write the print file of " + cycleDate + ": "
                        + e.getMessage(), e);
            }
            if (items.index != count - 1 || items.more()) {
                throw new IllegalArgumentException("the print file was told " + count + " statements but "
                        + (items.index == count - 1 ? "more" : "only " + (items.index + 1)) + " came");
            }
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(StatementDocument document) {
        return "statement/" + document.customer().accountNumber() + "/" + document.statementDate();
    }

    private static String title(StatementDocument document) {
        return "Statement " + document.statementDate() + " for account " + document.customer().accountNumber();
    }

    /**
     * The exporter's input list, in order. One statement ahead is read and filled on a second
     * thread while the exporter writes the current one (filling and exporting each take about half
     * of a statement's time), so at most three statements' pages are in memory at once.
     */
    private final class LazyStatements extends AbstractList<ExporterInputItem> implements AutoCloseable {

        private static final int AHEAD = 2;

        private final LocalDate cycleDate;
        private final int count;
        private final Iterator<StatementDocument> statements;
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

        LazyStatements(LocalDate cycleDate, int count, Iterator<StatementDocument> statements) {
            this.cycleDate = cycleDate;
            this.count = count;
            this.statements = statements;
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
            return new SimpleExporterInputItem(fill(document));
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
    }
}
