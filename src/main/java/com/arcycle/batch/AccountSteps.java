package com.arcycle.batch;

import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the cycle's account steps, which are all alike: a chunked worker step over one range of
 * account numbers ({@link AccountGroupReader}), that skips an account whose data breaks a rule into
 * rejects.csv ({@link CycleRejects}) and says how far it is ({@link ProgressListener}), run as one
 * partition per range ({@link AccountPartitions}), on this process's threads or on worker processes
 * ({@link PartitionHandling}). The reader, processor and writer are step-scoped
 * beans, so that each partition has its own.
 */
public final class AccountSteps {

    /** What a step does and counts, in plain words, for its progress lines. */
    public record Progress(String what, String unit) {
    }

    private final PlatformTransactionManager transactionManager;
    private final StepSettings settings;
    private final CycleRejects rejects;
    private final AccountPartitions partitions;
    private final PartitionHandling handling;

    AccountSteps(PlatformTransactionManager transactionManager, StepSettings settings,
            CycleRejects rejects, AccountPartitions partitions, PartitionHandling handling) {
        this.transactionManager = transactionManager;
        this.settings = settings;
        this.rejects = rejects;
        this.partitions = partitions;
        this.handling = handling;
    }

    /** The step {@code name}, its partitions named {@code <name>Partition:accounts<i>}, in chunks of the set size. */
    public <I, O> Step partitioned(String name, ItemStreamReader<I> reader, ItemProcessor<I, O> processor,
            ItemWriter<O> writer, Progress progress) {
        return partitioned(name, settings.chunkSize(), reader, processor, writer, progress);
    }

    /** The same, in chunks of at most {@code maxChunkSize} accounts (a statement takes far longer than a row). */
    public <I, O> Step partitioned(String name, int maxChunkSize, ItemStreamReader<I> reader,
            ItemProcessor<I, O> processor, ItemWriter<O> writer, Progress progress) {
        Step worker = rejects.skipBadData(handling.partitionStep(name + "Partition")
                .<I, O>chunk(Math.min(settings.chunkSize(), maxChunkSize)), settings.skipLimit())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .listener(new ProgressListener(progress.what(), progress.unit()))
                .build();
        return handling.manager(name, worker, partitions.partitioner());
    }
}
