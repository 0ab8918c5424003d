package com.arcycle.summary;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
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

import com.arcycle.aging.AgedBalance;
import com.arcycle.dunning.Stage;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.batch.CycleDates;
import com.arcycle.domain.Money;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.reports.BusinessProperties;

/** cycle-summary.pdf: the cycle's figures beside the previous cycle's, for the owner. */
@Configuration(proxyBeanMethods = false)
class CycleSummaryStepConfiguration {

    static final String FILE = "cycle-summary.pdf";

    /** A cycle's figures, each from the table behind one of its files. */
    static CycleFigures figures(JdbcClient jdbc, LocalDate cycle) {
        Map<String, Object> aged = jdbc.sql("""
                SELECT COALESCE(SUM(current_amount), 0) AS c0, COALESCE(SUM(d1_30), 0) AS c1,
                       COALESCE(SUM(d31_60), 0) AS c2, COALESCE(SUM(d61_90), 0) AS c3,
                       COALESCE(SUM(d91_120), 0) AS c4, COALESCE(SUM(d121_plus), 0) AS c5,
                       COALESCE(SUM(in_dispute), 0) AS dispute, COALESCE(SUM(unapplied_credit), 0) AS credit,
                       COALESCE(SUM(total), 0) AS total
                FROM aged_balance WHERE cycle_date = ?
                """).param(cycle).query().singleRow();
        AgedBalance aging = new AgedBalance(money(aged, "c0"), money(aged, "c1"), money(aged, "c2"),
                money(aged, "c3"), money(aged, "c4"), money(aged, "c5"), money(aged, "dispute"),
                money(aged, "credit"), money(aged, "total"));
        Map<Stage, Tally> stages = new EnumMap<>(Stage.class);
        jdbc.sql("SELECT stage, COUNT(*) AS n, COALESCE(SUM(total), 0) AS amount FROM aged_balance"
                + " WHERE cycle_date = ? GROUP BY stage").param(cycle).query((rs, n) -> {
                    stages.put(Stage.valueOf(rs.getString("stage")),
                            new Tally(rs.getInt("n"), Money.round(rs.getBigDecimal("amount"))));
                    return null;
                }).list();
        return new CycleFigures(cycle, aging, stages,
                tally(jdbc, "SELECT COUNT(*), COALESCE(SUM(ab.total), 0) FROM notice n LEFT JOIN aged_balance ab"
                        + " ON ab.cycle_date = n.cycle_date AND ab.account_number = n.account_number"
                        + " WHERE n.cycle_date = ? AND n.file_name IS NOT NULL", cycle),
                tally(jdbc, "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM ledger_item WHERE item_type = 'FEE'"
                        + " AND posted_cycle = ?", cycle),
                tally(jdbc, "SELECT COUNT(DISTINCT account_number), COALESCE(SUM(balance), 0) FROM referral"
                        + " WHERE cycle_date = ?", cycle),
                tally(jdbc, "SELECT COUNT(*), COALESCE(SUM(balance), 0) FROM write_off WHERE cycle_date = ?", cycle),
                tally(jdbc, "SELECT COUNT(*), COALESCE(SUM(past_due_total), 0) FROM account_cycle"
                        + " WHERE cycle_date = ? AND suspend = TRUE", cycle),
                jdbc.sql("SELECT COUNT(*) FROM cycle_reject WHERE cycle_date = ?").param(cycle).query(Integer.class)
                        .single());
    }

    private static Tally tally(JdbcClient jdbc, String sql, LocalDate cycle) {
        return jdbc.sql(sql).param(cycle).query((rs, n) -> new Tally(rs.getInt(1), Money.round(rs.getBigDecimal(2))))
                .single();
    }

    private static BigDecimal money(Map<String, Object> row, String column) {
        return Money.round((BigDecimal) row.get(column));
    }

    @Bean
    CycleSummaryRenderer cycleSummaryRenderer() {
        return CycleSummaryRenderer.fromClasspath();
    }

    @Bean
    Step cycleSummaryFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcClient jdbc, CycleSummaryRenderer renderer, CollectionPolicy policy, BusinessProperties business) {
        Tasklet summary = (contribution, chunkContext) -> {
            var step = contribution.getStepExecution();
            CycleDates dates = CycleDates.of(step);
            LocalDate cycleDate = dates.cycleDate();
            LocalDate previous = dates.previousCycleDate();
            CycleSummaryDocument document = new CycleSummaryDocument(business.letterhead(), policy.currency(),
                    policy.agingBucketEdges(), figures(jdbc, cycleDate),
                    previous == null ? null : figures(jdbc, previous));
            Path file = PublishFileListener.cycleFolder(step.getJobParameters()).resolve(FILE);
            try (OutputStream out = Files.newOutputStream(PublishFileListener.partialOf(file))) {
                renderer.render(document, out);
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("cycleSummaryFile", jobRepository)
                .tasklet(summary, transactionManager)
                .listener(PublishFileListener.inCycleFolder(FILE))
                .build();
    }
}
