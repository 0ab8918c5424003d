package com.arcycle.statements;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.arcycle.dunning.Stage;
import com.arcycle.summary.CycleSummaryRenderer;
import com.arcycle.summary.SummarySamples;

/**
 * Page 1 of each stage's statement and of the cycle summary as PNG, for {@code docs/images/}:
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.arcycle.statements.StatementScreenshots -Dexec.args=docs/images</pre>
 */
public final class StatementScreenshots {

    static final float DPI = 100;

    private StatementScreenshots() {
    }

    public static void main(String[] args) throws IOException {
        for (Path file : write(Path.of(args.length > 0 ? args[0] : "docs/images"))) {
            System.out.println("wrote " + file);
        }
    }

    /** Writes statement-reminder.png ... statement-collections.png and cycle-summary.png; returns them. */
    static List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        StatementRenderer statements = StatementRenderer.fromClasspath();
        List<Path> written = new ArrayList<>();
        for (Stage stage : List.of(Stage.REMINDER, Stage.PAST_DUE, Stage.FINAL_DEMAND, Stage.COLLECTIONS)) {
            StatementDocument document = Samples.statement(stage, stage == Stage.REMINDER, true);
            Path file = folder.resolve("statement-" + stage.name().toLowerCase().replace('_', '-') + ".png");
            ImageIO.write(firstPage(statements.render(document)), "png", file.toFile());
            written.add(file);
        }
        Path summary = folder.resolve("cycle-summary.png");
        ImageIO.write(firstPage(CycleSummaryRenderer.fromClasspath().render(SummarySamples.summary())), "png",
                summary.toFile());
        written.add(summary);
        return written;
    }

    static BufferedImage firstPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
        }
    }
}
