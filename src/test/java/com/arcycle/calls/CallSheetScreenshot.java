package com.arcycle.calls;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.arcycle.reports.Formats;

/**
 * Page 1 of a sample call sheet as PNG, for {@code docs/images/call-sheet.png}:
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.arcycle.calls.CallSheetScreenshot -Dexec.args=docs/images</pre>
 */
public final class CallSheetScreenshot {

    private CallSheetScreenshot() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(folder);
        byte[] pdf = CallSheetRenderer.fromClasspath().render(CallSheetRendererTests.sheet(sample()));
        Path file = folder.resolve("call-sheet.png");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.RGB), "png", file.toFile());
        }
        System.out.println("wrote " + file);
    }

    static List<CallBlock> sample() {
        CallWords w = new CallWords(new Formats("USD"));
        LocalDate c = LocalDate.parse("2026-03-02");
        CallBlock silent = new CallBlock(2, "A004", "Silent Partner Inc", "+1-555-0104", "ap@silentpartner.example",
                "FINAL_DEMAND",
                List.of(w.reason(CallReason.FINAL_DEMAND, null, LocalDate.parse("2023-09-01"),
                        new BigDecimal("3090.00"), 152)),
                List.of(w.item("I-4001", false, LocalDate.parse("2025-10-31"), new BigDecimal("3000.00"), 122),
                        w.item("LF-I-4001-20260131", true, LocalDate.parse("2026-01-31"), new BigDecimal("45.00"), 30)),
                w.paysOnTime(true, 0, LocalDate.parse("2023-09-01"), c), w.pastYear(new BigDecimal("3000.00"), 1),
                List.of(), List.of());
        CallBlock fresh = new CallBlock(3, "A011", "Fresh Start Bakery", "+1-555-0111", "orders@freshstart.example",
                "REMINDER",
                List.of(w.reason(CallReason.NEW_CUSTOMER, null, LocalDate.parse("2025-11-03"),
                        new BigDecimal("1450.00"), 28)),
                List.of(w.item("I-11002", false, LocalDate.parse("2026-02-02"), new BigDecimal("1450.00"), 28)),
                w.paysOnTime(false, 0, LocalDate.parse("2025-11-03"), c), w.pastYear(new BigDecimal("2900.00"), 2),
                List.of(), List.of());
        return List.of(CallSheetRendererTests.slowSteady(1), silent, fresh);
    }
}
