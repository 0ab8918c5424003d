package com.arcycle.statements;

import java.nio.file.Files;
import java.nio.file.Path;

import com.arcycle.dunning.Stage;

/** Scratch: renders the sample documents into a folder. */
public class RenderSamplesMain {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/samples");
        Files.createDirectories(out);
        StatementRenderer renderer = StatementRenderer.fromClasspath();
        for (Stage stage : new Stage[] {Stage.REMINDER, Stage.PAST_DUE, Stage.FINAL_DEMAND, Stage.COLLECTIONS}) {
            Files.write(out.resolve(stage + ".pdf"), renderer.render(Samples.statement(stage, stage == Stage.REMINDER, true)));
        }
        Files.write(out.resolve("long.pdf"), renderer.render(Samples.longStatement(120)));
        Files.write(out.resolve("summary.pdf"), CycleSummaryRenderer.fromClasspath().render(Samples.summary()));
    }
}
