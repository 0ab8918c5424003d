package com.arcycle.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.ExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/** What the renderers share: the Jasper context, loading compiled reports, and the repeatable PDF export. */
public final class Reports {

    /** Classpath folder of the compiled reports (the build puts them in {@code target/classes/reports}). */
    static final String FOLDER = "reports/";

    /**
     * Jasper settings of this application, on top of Jasper's defaults and extensions (the DejaVu
     * font families of {@code jasperreports-fonts}); the global context is left alone.
     */
    public static final JasperReportsContext CONTEXT = context();

    private Reports() {
    }

    private static JasperReportsContext context() {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        // Text falls back to the embedded DejaVu Sans, never to a PDF base-14 font that is not embedded.
        context.setProperty("net.sf.jasperreports.default.font.name", "DejaVu Sans");
        context.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
        // A font that is not in the font extensions is an error, not a silent substitute.
        context.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "false");
        context.setProperty("net.sf.jasperreports.export.pdf.compressed", "true");
        return context;
    }

    /** Loads {@code reports/<name>.jasper} from the classpath (compiled by the build). */
    public static JasperReport load(String name) {
        String resource = FOLDER + name + ".jasper";
        try (InputStream in = Reports.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("compiled report " + resource + " is not on the classpath;"
                        + " the build compiles reports/*.jrxml in the process-classes phase");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("cannot load " + resource + ": " + e.getMessage(), e);
        }
    }

    /** A digest of a document record (its fields, printed by the record's {@code toString}). */
    public static String digest(Record document) {
        return HexFormat.of().formatHex(DeterministicPdfExporter.md5(document.toString()));
    }

    /** The fill parameters every report gets: US English, UTC, and no clock. */
    public static Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, Locale.US);
        parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        return parameters;
    }

    /**
     * Exports the input to one PDF, repeatably: its dates are {@code date}; its id comes from {@code key}
     * (the document's name) and {@code content} (asked for at the end, a digest of what was printed).
     */
    public static void exportPdf(ExporterInput input, OutputStream out, LocalDate date, String key,
            Supplier<String> content, String title, String author) throws JRException {
        DeterministicPdfExporter exporter = new DeterministicPdfExporter(CONTEXT, date, key, content);
        exporter.setExporterInput(input);
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setMetadataAuthor(author);
        configuration.setMetadataCreator("arcycle");
        configuration.setCompressed(true);
        exporter.setConfiguration(configuration);
        SimpleOutputStreamExporterOutput output = new SimpleOutputStreamExporterOutput(out);
        exporter.setExporterOutput(output);
        exporter.exportReport();
    }
}
