package com.arcycle.statements;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.arcycle.dunning.Stage;
import com.arcycle.testing.Pdfs;

/**
 * Statements per second for a typical one-page statement (7 open items, 2 fees), on 1 and 2
 * threads; prints the figures (no assertion: a measurement, not a test):
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.arcycle.statements.StatementThroughput</pre>
 */
public final class StatementThroughput {

    private StatementThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        StatementRenderer renderer = StatementRenderer.fromClasspath();
        StatementDocument document = Samples.statement(Stage.PAST_DUE, false, true);
        System.out.printf("one statement: %d page(s), %d bytes%n", Pdfs.pageCount(renderer.render(document)),
                renderer.render(document).length);
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            run(renderer, document, count, 2);
        }
        for (int threads : new int[] {1, 2, 1, 2}) {
            long start = System.nanoTime();
            run(renderer, document, count, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d thread(s): %d statements in %.2f s = %.0f statements/s%n", threads, count, seconds,
                    count / seconds);
        }
    }

    private static void run(StatementRenderer renderer, StatementDocument document, int count, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = count / threads + (t < count % threads ? 1 : 0);
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    renderer.render(document);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }
}
