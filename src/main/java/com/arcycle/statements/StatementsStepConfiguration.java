package com.arcycle.statements;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.aging.AgedBalance;
import com.arcycle.dunning.PromiseQueries;
import com.arcycle.dunning.Stage;
import com.arcycle.ledger.LedgerQueries;
import com.arcycle.policy.CollectionPolicy;
import com.arcycle.batch.AccountGroupReader.Child;
import com.arcycle.batch.AccountGroupReader.Driver;
import com.arcycle.batch.AccountGroupReader;
import com.arcycle.batch.AccountPartitions;
import com.arcycle.batch.CycleDates;
import com.arcycle.batch.CycleRejects;
import com.arcycle.domain.Money;
import com.arcycle.batch.ProgressListener;
import com.arcycle.batch.PublishFileListener;
import com.arcycle.batch.StepSettings;
import com.arcycle.reports.BusinessProperties;

/**
 * The cycle's documents: one statement per account sent one (the notices the collections step
 * recorded), rendered by a partitioned step on both cores, each recorded with its file name and
 * SHA-256; then the print file for the mailing house.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusinessProperties.class)
class StatementsStepConfiguration {

    static final String STATEMENTS = "statements";
    static final String PRINT_FILE = "statements-print.pdf";

    static final String ACCOUNTS = """
            SELECT n.account_number, n.stage, ac.action, ac.good_standing, ac.suspend, ac.max_dpd, ac.past_due_total,
                   ac.late_paid_count, c.name, c.address_line1, c.address_line2, c.city, c.region, c.postal_code,
                   c.country, c.customer_since, c.late_fee_mode, c.recurring_service,
                   ab.current_amount, ab.d1_30, ab.d31_60, ab.d61_90, ab.d91_120, ab.d121_plus, ab.in_dispute,
                   ab.unapplied_credit, ab.total
            FROM notice n
            JOIN account_cycle ac ON ac.cycle_date = n.cycle_date AND ac.account_number = n.account_number
            JOIN customer c ON c.account_number = n.account_number
            LEFT JOIN aged_balance ab ON ab.cycle_date = n.cycle_date AND ab.account_number = n.account_number
            WHERE n.cycle_date = :cycleDate AND n.account_number > :after AND n.account_number <= :last
            ORDER BY n.account_number
            """;

    /** The fees of this cycle, with the original amount of the invoice each penalises. */
    static final String FEES = """
            SELECT f.account_number, f.item_id, f.invoice_number, f.fee_basis, f.amount, i.amount AS invoice_amount
            FROM ledger_item f
            JOIN ledger_item i ON i.account_number = f.account_number AND i.item_id = f.invoice_number
            WHERE f.item_type = 'FEE' AND f.posted_cycle = :cycleDate
              AND f.account_number > :after AND f.account_number <= :last
            ORDER BY f.account_number, f.item_id
            """;

    record FeeRow(String accountNumber, StatementAccount.Fee fee) {
    }

    record Rendered(String accountNumber, String fileName, String sha256) {
    }

    /**
     * Reads the accounts sent a statement; the step's partitions and the print file share it.
     *
     * @param rendered only the accounts whose statement was rendered (the print file)
     */
    static AccountGroupReader<StatementAccount> reader(DataSource dataSource, int fetchSize, LocalDate cycleDate,
            LocalDate previousCycleDate, boolean rendered) {
        String accounts = rendered ? ACCOUNTS.replace("WHERE n.cycle_date = :cycleDate",
                "WHERE n.cycle_date = :cycleDate AND n.file_name IS NOT NULL") : ACCOUNTS;
        Driver<StatementAccount> driver = new Driver<>(accounts, (rs, n) -> {
            StatementAccount a = new StatementAccount();
            a.accountNumber = rs.getString("account_number");
            a.name = rs.getString("name");
            a.addressLines = addressLines(rs.getString("address_line1"), rs.getString("address_line2"),
                    rs.getString("city"), rs.getString("region"), rs.getString("postal_code"),
                    rs.getString("country"));
            a.customerSince = LedgerQueries.date(rs, "customer_since");
            a.lateFeeMode = rs.getString("late_fee_mode");
            a.recurringService = rs.getBoolean("recurring_service");
            a.stage = Stage.valueOf(rs.getString("stage"));
            a.referred = "REFERRED".equals(rs.getString("action"));
            a.goodStanding = rs.getBoolean("good_standing");
            a.suspended = rs.getBoolean("suspend");
            a.maxDpd = rs.getObject("max_dpd", Integer.class);
            a.pastDueTotal = LedgerQueries.money(rs, "past_due_total");
            a.latePaidCount = rs.getInt("late_paid_count");
            a.aging = rs.getBigDecimal("total") == null
                    ? new AgedBalance(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                            Money.ZERO, Money.ZERO, Money.ZERO)
                    : new AgedBalance(LedgerQueries.money(rs, "current_amount"), LedgerQueries.money(rs, "d1_30"),
                            LedgerQueries.money(rs, "d31_60"), LedgerQueries.money(rs, "d61_90"),
                            LedgerQueries.money(rs, "d91_120"), LedgerQueries.money(rs, "d121_plus"),
                            LedgerQueries.money(rs, "in_dispute"), LedgerQueries.money(rs, "unapplied_credit"),
                            LedgerQueries.money(rs, "total"));
            return a;
        }, a -> a.accountNumber);
        List<Child<StatementAccount, ?>> children = new ArrayList<>(LedgerQueries.openItemChildren(a -> a.items,
                "SELECT account_number FROM notice WHERE cycle_date = :cycleDate"));
        children.add(new Child<StatementAccount, FeeRow>(FEES,
                (rs, n) -> new FeeRow(rs.getString("account_number"), new StatementAccount.Fee(rs.getString("item_id"),
                        rs.getString("invoice_number"), LedgerQueries.money(rs, "invoice_amount"),
                        LedgerQueries.money(rs, "fee_basis"), LedgerQueries.money(rs, "amount"))),
                FeeRow::accountNumber, (a, row) -> a.fees.add(row.fee())));
        children.addAll(PromiseQueries.children(a -> a.promises, a -> a.receipts));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("cycleDate", cycleDate);
        parameters.put("since", new CycleDates(cycleDate, previousCycleDate).previousOrEpoch());
        return new AccountGroupReader<>("statements", dataSource, fetchSize, parameters, driver, children);
    }

    /** The address block: street lines, then "City, Region Postal", then the country. */
    static List<String> addressLines(String line1, String line2, String city, String region, String postal,
            String country) {
        List<String> lines = new ArrayList<>();
        lines.add(line1);
        lines.add(line2);
        String place = String.join(" ", List.of(city == null ? "" : city + (region == null ? "" : ","),
                region == null ? "" : region, postal == null ? "" : postal)).trim().replaceAll(" +", " ");
        lines.add(place.endsWith(",") ? place.substring(0, place.length() - 1) : place);
        lines.add(country);
        return lines;
    }

    @Bean
    StatementRenderer statementRenderer() {
        return StatementRenderer.fromClasspath();
    }

    @Bean
    @StepScope
    ItemStreamReader<StatementAccount> statementsReader(DataSource dataSource, StepSettings settings,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate,
            @Value("#{jobExecutionContext['" + CycleDates.PREVIOUS_CYCLE_KEY + "']}") String previous) {
        return reader(dataSource, settings.fetchSize(), cycleDate, CycleDates.of(cycleDate, previous)
                .previousCycleDate(), false);
    }

    @Bean
    @StepScope
    ItemProcessor<StatementAccount, StatementDocument> statementsProcessor(CollectionPolicy policy,
            BusinessProperties business, @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate,
            @Value("#{jobExecutionContext['" + CycleDates.PREVIOUS_CYCLE_KEY + "']}") String previous) {
        StatementDocuments documents = new StatementDocuments(policy, business, cycleDate,
                CycleDates.of(cycleDate, previous).previousCycleDate());
        return documents::document;
    }

    /** Renders each statement to its file, then records its name and SHA-256 with the notice. */
    @Bean
    @StepScope
    ItemWriter<StatementDocument> statementsWriter(StatementRenderer renderer, JdbcTemplate jdbc,
            @Value("#{jobParameters['cycle.date']}") LocalDate cycleDate,
            @Value("#{jobParameters['out.dir']}") String outDir) {
        Path folder = Path.of(outDir).resolve(cycleDate.toString()).resolve(STATEMENTS);
        return chunk -> {
            List<Object[]> notices = new ArrayList<>();
            for (StatementDocument document : chunk) {
                StatementRenderer.StatementFile written = renderer.renderTo(document, folder);
                notices.add(new Object[] {STATEMENTS + "/" + written.file().getFileName(), written.sha256(),
                        document.customer().accountNumber(), cycleDate});
            }
            jdbc.batchUpdate("UPDATE notice SET file_name = ?, sha256 = ? WHERE account_number = ? AND cycle_date = ?",
                    notices);
        };
    }

    @Bean
    Step statementsWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepSettings settings, CycleRejects rejects, ItemStreamReader<StatementAccount> statementsReader,
            ItemProcessor<StatementAccount, StatementDocument> statementsProcessor,
            ItemWriter<StatementDocument> statementsWriter) {
        // Small chunks: a statement takes far longer than a row, and a restart redoes one chunk at most.
        // An account whose data breaks a rule is skipped (rejects.csv); a statement that fails to
        // render fails the step.
        return rejects.skipBadData(new StepBuilder("statementsPartition", jobRepository)
                .<StatementAccount, StatementDocument>chunk(Math.min(settings.chunkSize(), 50)), settings.skipLimit())
                .transactionManager(transactionManager)
                .reader(statementsReader)
                .processor(statementsProcessor)
                .writer(statementsWriter)
                .listener(new ProgressListener("rendering statements", "statements"))
                .build();
    }

    /** The statements, rendered by one partition per core. */
    @Bean
    Step statementsStep(AccountPartitions partitions, Step statementsWorkerStep) {
        return partitions.partitioned("statements", statementsWorkerStep);
    }

    /** statements-print.pdf: every statement of the cycle in account order, for the mailing house. */
    @Bean
    Step statementsPrintFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DataSource dataSource, StepSettings settings, JdbcTemplate jdbc, StatementRenderer renderer,
            CollectionPolicy policy, BusinessProperties business) {
        ProgressListener progress = new ProgressListener("writing the print file", "statements");
        Tasklet print = (contribution, chunkContext) -> {
            var step = contribution.getStepExecution();
            CycleDates dates = CycleDates.of(step);
            LocalDate cycleDate = dates.cycleDate();
            LocalDate previous = dates.previousCycleDate();
            int count = jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE cycle_date = ? AND file_name IS NOT NULL",
                    Integer.class, cycleDate);
            Path file = PublishFileListener.cycleFolder(step.getJobParameters()).resolve(PRINT_FILE);
            if (count == 0) {
                Files.deleteIfExists(PublishFileListener.partialOf(file));
                return RepeatStatus.FINISHED;
            }
            StatementDocuments documents = new StatementDocuments(policy, business, cycleDate, previous);
            AccountGroupReader<StatementAccount> reader = reader(dataSource, settings.fetchSize(), cycleDate,
                    previous, true);
            reader.open(new ExecutionContext());
            try (OutputStream out = Files.newOutputStream(PublishFileListener.partialOf(file))) {
                renderer.writePrintFile(cycleDate, count, new Iterator<>() {
                    private StatementAccount next = readNext();
                    private long taken;

                    private StatementAccount readNext() {
                        try {
                            return reader.read();
                        } catch (Exception e) {
                            throw new IllegalStateException("cannot read the statements of " + cycleDate, e);
                        }
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public StatementDocument next() {
                        if (next == null) {
                            throw new NoSuchElementException();
                        }
                        StatementDocument document = documents.document(next);
                        next = readNext();
                        progress.progress(step, ++taken);
                        return document;
                    }
                }, out);
            } finally {
                reader.close();
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("statementsPrintFile", jobRepository)
                .tasklet(print, transactionManager)
                .listener(PublishFileListener.inCycleFolder(PRINT_FILE))
                .listener((StepExecutionListener) progress)
                .build();
    }
}
