package com.arcycle.statements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.export.SimpleExporterInput;

import com.arcycle.platform.PrivateFiles;
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

    /** The print file's name in the cycle folder (the mail package writes it from the statements on paper). */
    public static final String PRINT_FILE = "statements-print.pdf";

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

    private static String key(StatementDocument document) {
        return "statement/" + document.customer().accountNumber() + "/" + document.statementDate();
    }

    private static String title(StatementDocument document) {
        return "Statement " + document.statementDate() + " for account " + document.customer().accountNumber();
    }
}
