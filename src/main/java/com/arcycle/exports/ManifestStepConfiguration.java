package com.arcycle.exports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.policy.CollectionPolicy;
import com.arcycle.batch.CycleDates;
import com.arcycle.batch.PublishFileListener;

/** The cycle's last file: manifest.json, written when every file it lists is in place. */
@Configuration(proxyBeanMethods = false)
class ManifestStepConfiguration {

    static final String FILE = "manifest.json";

    /** The ledger after the cycle, as the manifest reports it. */
    static final String LEDGER_TOTALS = """
            SELECT
              (SELECT COUNT(*) FROM customer) AS accounts,
              (SELECT COUNT(*) FROM aged_balance WHERE cycle_date = :c) AS accounts_aged,
              (SELECT COUNT(*) FROM ledger_item WHERE balance > 0 AND written_off_date IS NULL) AS open_items,
              (SELECT COALESCE(SUM(balance), 0) FROM ledger_item WHERE balance > 0 AND written_off_date IS NULL)
                AS open_balance,
              (SELECT COALESCE(SUM(unapplied_credit), 0) FROM account_state) AS unapplied_credit,
              (SELECT COALESCE(SUM(in_dispute), 0) FROM aged_balance WHERE cycle_date = :c) AS in_dispute,
              (SELECT COALESCE(SUM(total), 0) FROM aged_balance WHERE cycle_date = :c) AS net_receivable,
              (SELECT COALESCE(SUM(direct + to_credit), 0) FROM payment_posting WHERE cycle_date = :c)
                AS payments_received,
              (SELECT COALESCE(SUM(amount), 0) FROM ledger_item WHERE item_type = 'FEE' AND posted_cycle = :c)
                AS fees_assessed,
              (SELECT COALESCE(SUM(balance), 0) FROM write_off WHERE cycle_date = :c) AS written_off,
              (SELECT COALESCE(SUM(balance), 0) FROM referral WHERE cycle_date = :c) AS referred_to_collections
            """;

    @Bean
    Step manifestFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcClient jdbc, CollectionPolicy policy) {
        Tasklet manifest = (contribution, chunkContext) -> {
            var step = contribution.getStepExecution();
            CycleDates dates = CycleDates.of(step);
            LocalDate cycleDate = dates.cycleDate();
            Map<String, Object> totals = new LinkedHashMap<>();
            jdbc.sql(LEDGER_TOTALS).param("c", cycleDate).query().singleRow().forEach((column, value) -> totals
                    .put(column.toLowerCase(), value instanceof BigDecimal amount ? amount : (Number) value));
            Path folder = PublishFileListener.cycleFolder(step.getJobParameters());
            Map<String, String> statements = new java.util.HashMap<>();
            jdbc.sql("SELECT file_name, sha256 FROM notice WHERE cycle_date = ? AND file_name IS NOT NULL")
                    .param(cycleDate).query((rs, n) -> statements.put(rs.getString(1), rs.getString(2))).list();
            String json = CycleManifest.write(cycleDate, dates.previousCycleDate(), policy, totals, folder, statements);
            Files.writeString(PublishFileListener.partialOf(folder.resolve(FILE)), json, StandardCharsets.UTF_8);
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("manifestFile", jobRepository)
                .tasklet(manifest, transactionManager)
                .listener(PublishFileListener.inCycleFolder(FILE))
                .build();
    }
}
