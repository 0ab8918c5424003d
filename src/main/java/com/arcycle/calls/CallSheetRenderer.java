package com.arcycle.calls;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.export.SimpleExporterInput;

import com.arcycle.reports.Formats;
import com.arcycle.reports.RecordDataSource;
import com.arcycle.reports.ReportRenderingException;
import com.arcycle.reports.Reports;

/**
 * Renders the call sheet ({@code reports/call-sheet.jrxml}) to PDF: a page header with the business
 * and the cycle date, one block per account in rank order, "Page X of Y". Loaded once; safe to
 * share between threads; the same document always gives the same bytes.
 */
final class CallSheetRenderer {

    private final JasperReport sheet;

    private CallSheetRenderer(JasperReport sheet) {
        this.sheet = sheet;
    }

    /** Loads the compiled {@code reports/call-sheet.jasper}. */
    static CallSheetRenderer fromClasspath() {
        return new CallSheetRenderer(Reports.load("call-sheet"));
    }

    JasperPrint fill(CallSheetDocument document) {
        Map<String, Object> parameters = Reports.parameters();
        parameters.put("doc", document);
        parameters.put("f", new Formats(document.currency()));
        try {
            return JasperFillManager.getInstance(Reports.CONTEXT).fill(sheet, parameters,
                    new RecordDataSource(document.blocks()));
        } catch (JRException | RuntimeException e) {
            throw new ReportRenderingException("cannot fill the call sheet of " + document.cycleDate() + ": "
                    + e.getMessage(), e);
        }
    }

    byte[] render(CallSheetDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(document, out);
        return out.toByteArray();
    }

    void render(CallSheetDocument document, OutputStream out) {
        JasperPrint print = fill(document);
        try {
            Reports.exportPdf(SimpleExporterInput.getInstance(List.of(print)), out, document.cycleDate(),
                    "call-sheet/" + document.cycleDate(), () -> Reports.digest(document),
                    "Call sheet " + document.cycleDate(), document.business().name());
        } catch (JRException | RuntimeException e) {
            throw new ReportRenderingException("cannot export the call sheet of " + document.cycleDate() + ": "
                    + e.getMessage(), e);
        }
    }
}
