package com.arcycle.statements;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ApplicationContext;

import com.arcycle.dunning.Stage;
import com.arcycle.batch.AccountGroupReader;
import com.arcycle.statements.StatementQueries.StatementAccount;

/**
 * The benchmark's reference for the statement step: the same statements filled and exported in a
 * plain single-threaded loop, no batch framework. Only filling, exporting and writing the files
 * is timed; the documents are read from the database between the timed parts.
 */
public final class BareJasperLoop {

    private BareJasperLoop() {
    }

    /** Renders sample statements on all cores so the JIT has compiled the renderer before timing. */
    public static void warmUp(int count) throws Exception {
        StatementRenderer renderer = StatementRenderer.fromClasspath();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < count / threads; i++) {
                        renderer.render(Samples.statement(Stage.values()[1 + i % 4], i % 2 == 0, i % 3 == 0));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Renders the cycle's statements into {@code folder}, made exactly as the statement step makes
     * them (the context's policy and letterhead); returns how many and the nanoseconds spent rendering.
     */
    public static long[] run(ApplicationContext context, LocalDate cycleDate, Path folder) throws Exception {
        Files.createDirectories(folder);
        StatementRenderer renderer = StatementRenderer.fromClasspath();
        DataSource dataSource = context.getBean(DataSource.class);
        StatementDocuments documents = context.getBean(StatementDocuments.Factory.class).of(cycleDate);
        AccountGroupReader<StatementAccount> reader = StatementQueries.reader(dataSource, Integer.MIN_VALUE, cycleDate,
                StatementQueries.RENDERED);
        reader.open(new ExecutionContext());
        long count = 0;
        long nanos = 0;
        try {
            for (StatementAccount account = reader.read(); account != null; account = reader.read()) {
                StatementDocument document = documents.document(account);
                long start = System.nanoTime();
                renderer.renderTo(document, folder);
                nanos += System.nanoTime() - start;
                count++;
            }
        } finally {
            reader.close();
        }
        return new long[] {count, nanos};
    }
}
