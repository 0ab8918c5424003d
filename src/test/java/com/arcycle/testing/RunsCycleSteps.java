package com.arcycle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.arcycle.batch.CycleDates;
import com.arcycle.cycle.StatementCycle;

/**
 * For integration tests of one step of the statement-cycle job on its own: each test starts from
 * empty ledger and cycle tables, inserts the rows the step reads ({@link LedgerTables}), runs the
 * step as the job would run it for a cycle ({@link JobOperatorTestUtils#startStep}) and looks at
 * what it wrote. The subclass is a {@code @SpringBootTest} on a database of its own.
 */
public abstract class RunsCycleSteps {

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private JobOperator jobOperator;

    @Autowired
    private JobRepository jobRepository;

    @Autowired
    @Qualifier("statementCycleJob")
    private Job statementCycleJob;

    private JobOperatorTestUtils jobOperatorTestUtils;

    /** OUT: the cycle's files go to OUT/&lt;cycle-date&gt;/. */
    @TempDir
    protected Path out;

    /** Makes every start of a step a job instance of its own (the database outlives a test). */
    private static final AtomicLong RUNS = new AtomicLong();

    @BeforeEach
    void emptyLedger() {
        // Made here, not by @SpringBatchTest: its listeners take a test's methods that return a
        // JobExecution for factories, and the context holds two jobs (the cycle and the import).
        jobOperatorTestUtils = new JobOperatorTestUtils(jobOperator, jobRepository);
        jobOperatorTestUtils.setJob(statementCycleJob);
        LedgerTables.deleteAll(jdbc);
    }

    /**
     * Runs the step for the cycle of {@code cycleDate} after the completed cycle of
     * {@code previousCycleDate} (null for a ledger's first cycle), and checks that it completed.
     */
    protected JobExecution runStep(String stepName, String cycleDate, String previousCycleDate) {
        JobExecution execution = startStep(stepName, parameters(cycleDate), previousCycleDate);
        assertThat(execution.getStatus()).as("%s for %s: %s", stepName, cycleDate, execution.getAllFailureExceptions())
                .isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    /**
     * Starts the step with these parameters, whatever comes of it: parameters of an execution that
     * failed restart it, as the job is restarted.
     */
    protected JobExecution startStep(String stepName, JobParameters parameters, String previousCycleDate) {
        ExecutionContext jobContext = new ExecutionContext();
        jobContext.putString(CycleDates.PREVIOUS_CYCLE_KEY, previousCycleDate == null ? "" : previousCycleDate);
        return jobOperatorTestUtils.startStep(stepName, parameters, jobContext);
    }

    /**
     * The job's parameters for the cycle, and a run number: the step runs in a job instance of the
     * test's own, which tests start more than once for one date.
     */
    protected JobParameters parameters(String cycleDate) {
        return new JobParametersBuilder(StatementCycle.parameters(LedgerTables.date(cycleDate), out))
                .addLong("test.run", RUNS.incrementAndGet())
                .toJobParameters();
    }

    /** See {@link LedgerTables#rows}. */
    protected List<String> rows(String sql, Object... params) {
        return LedgerTables.rows(jdbc, sql, params);
    }
}
