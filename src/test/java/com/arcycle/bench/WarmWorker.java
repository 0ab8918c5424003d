package com.arcycle.bench;

import com.arcycle.ArcycleApplication;
import com.arcycle.statements.BareJasperLoop;

/**
 * A worker process of the benchmark: renders {@code arcycle.bench.warm-up} sample statements
 * first, as the one-process benchmark does in its own JVM, then starts {@code arcycle worker}.
 * Workers kept running between cycles are warm; a benchmark of cold ones would time the JIT.
 */
public final class WarmWorker {

    private WarmWorker() {
    }

    public static void main(String[] args) throws Exception {
        BareJasperLoop.warmUp(Integer.parseInt(System.getProperty("arcycle.bench.warm-up"))); // BenchWorkers sets it
        ArcycleApplication.main(args);
    }
}
