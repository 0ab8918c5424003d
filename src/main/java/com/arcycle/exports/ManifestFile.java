package com.arcycle.exports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.arcycle.batch.CycleDates;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.totals.CycleTotalsQueries;
import com.arcycle.mail.OutboxQueries;

/** Writes manifest.json once every file it lists is in place: the cycle's last file. */
final class ManifestFile implements Tasklet {

    static final String FILE = "manifest.json";

    private final JdbcClient jdbc;
    private final CycleTotalsQueries totals;
    private final CollectionPolicy policy;
    private final OutboxQueries outbox;

    ManifestFile(JdbcClient jdbc, CycleTotalsQueries totals, CollectionPolicy policy, OutboxQueries outbox) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.policy = policy;
        this.outbox = outbox;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var step = contribution.getStepExecution();
        CycleDates dates = CycleDates.of(step);
        Path folder = PublishFileListener.cycleFolder(step.getJobParameters());
        Map<String, String> statements = new HashMap<>();
        jdbc.sql("SELECT file_name, sha256 FROM statement WHERE cycle_date = ?").param(dates.cycleDate())
                .query((rs, n) -> statements.put(rs.getString(1), rs.getString(2))).list();
        String json = CycleManifest.write(totals.of(dates.cycleDate()), dates.previousCycleDate(), totals.ledger(),
                policy, folder, statements, outbox.counts(dates.cycleDate()));
        Files.writeString(PublishFileListener.partialOf(folder.resolve(FILE)), json, StandardCharsets.UTF_8);
        return RepeatStatus.FINISHED;
    }
}
