package com.arcycle.exports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        // The documents (the print file above all) are hashed on a second thread while the totals are
        // read and the CSV files counted: on one thread the step read a gigabyte after all that.
        ExecutorService hashing = Executors.newSingleThreadExecutor(task -> new Thread(task, "arcycle-manifest-hash"));
        try {
            Future<Map<String, String>> documents = hashing.submit(() -> CycleManifest.documentsSha256(folder));
            Map<String, String> statements = new HashMap<>();
            jdbc.sql("SELECT file_name, sha256 FROM statement WHERE cycle_date = ?").param(dates.cycleDate())
                    .query((rs, n) -> statements.put(rs.getString(1), rs.getString(2))).list();
            String json = CycleManifest.write(totals.of(dates.cycleDate()), dates.previousCycleDate(), totals.ledger(),
                    policy, folder, statements, () -> hashed(documents), outbox.counts(dates.cycleDate()));
            Files.writeString(PublishFileListener.partialOf(folder.resolve(FILE)), json, StandardCharsets.UTF_8);
        } finally {
            hashing.shutdownNow();
        }
        return RepeatStatus.FINISHED;
    }

    private static Map<String, String> hashed(Future<Map<String, String>> documents) throws IOException {
        try {
            return documents.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing the cycle's documents");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
