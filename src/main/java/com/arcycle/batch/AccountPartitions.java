package com.arcycle.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs an account step as partitions by account-number range, one per core, so both cores
 * (and two database connections) work at once. Each partition is an {@link AccountGroupReader}
 * over its own range, with its own restart position; accounts never span two partitions, so
 * the rules see every account whole.
 */
public final class AccountPartitions implements PartitionHandling {

    /** Partition context key: the range starts after this account number ("" for the first). */
    public static final String AFTER = "partition.after";
    /** Partition context key: the range ends with this account number (inclusive). */
    public static final String LAST = "partition.last";
    /** Greater than every account number import accepts (no U+FFFF in identifiers). */
    public static final String AFTER_EVERY_ACCOUNT = "\uFFFF";

    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final TaskExecutor taskExecutor;
    private final int gridSize;

    public AccountPartitions(JobRepository jobRepository, JdbcTemplate jdbc, TaskExecutor taskExecutor,
            int gridSize) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.taskExecutor = taskExecutor;
        this.gridSize = gridSize;
    }

    @Override
    public StepBuilder partitionStep(String name) {
        return new StepBuilder(name, jobRepository);
    }

    /** A step named {@code name} that runs {@code worker} once per partition, on this process's threads. */
    @Override
    public Step manager(String name, Step worker, Partitioner partitioner) {
        return new StepBuilder(name, jobRepository)
                .partitioner(worker.getName(), partitioner)
                .step(worker)
                .gridSize(gridSize)
                .taskExecutor(taskExecutor)
                .build();
    }

    /** The account ranges as a partitioner (the grid size is the caller's). */
    public Partitioner partitioner() {
        return this::partition;
    }

    /** Ranges of about the same number of customers, split at account numbers. */
    Map<String, ExecutionContext> partition(int grid) {
        long customers = jdbc.queryForObject("SELECT COUNT(*) FROM customer", Long.class);
        List<String> bounds = new ArrayList<>();
        for (int i = 1; i < grid && customers >= grid; i++) {
            bounds.add(jdbc.queryForObject("SELECT account_number FROM customer ORDER BY account_number LIMIT 1 OFFSET "
                    + (i * customers / grid - 1), String.class));
        }
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        String after = "";
        for (int i = 0; i <= bounds.size(); i++) {
            String last = i < bounds.size() ? bounds.get(i) : AFTER_EVERY_ACCOUNT;
            ExecutionContext context = new ExecutionContext();
            context.putString(AFTER, after);
            context.putString(LAST, last);
            partitions.put("accounts" + i, context);
            after = last;
        }
        return partitions;
    }
}
