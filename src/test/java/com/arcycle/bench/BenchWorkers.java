package com.arcycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The worker processes of {@code scripts/bench --workers N}: each a JVM of the same class path
 * running {@code worker} against the benchmark's database, stopped with SIGTERM after the cycle.
 */
final class BenchWorkers {

    private final List<Process> processes;

    private BenchWorkers(List<Process> processes) {
        this.processes = processes;
    }

    static BenchWorkers start(int count, String url, String user, String password, Path work, int warmUp)
            throws Exception {
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Path log = work.resolve("worker-" + i + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + System.getProperty("arcycle.bench.worker-heap", "512m"),
                    "-Darcycle.home=" + work.resolve("worker-" + i), "-Darcycle.bench.warm-up=" + warmUp,
                    "-cp", System.getProperty("java.class.path"), WarmWorker.class.getName(), "worker",
                    "--arcycle.cluster.worker-threads=1")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ARCYCLE_DB_URL", url);
            builder.environment().put("ARCYCLE_DB_USER", user);
            builder.environment().put("ARCYCLE_DB_PASSWORD", password);
            processes.add(builder.start());
            logs.add(log);
        }
        for (int i = 0; i < count; i++) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10); // its warm-up first
            while (!Files.readString(logs.get(i)).contains("Worker: taking")) {
                if (!processes.get(i).isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("worker " + (i + 1) + " did not start: " + Files.readString(logs.get(i)));
                }
                Thread.sleep(200);
            }
        }
        if (count > 0) {
            System.out.printf(Locale.ROOT, "%d worker processes started (one partition at a time each),"
                    + " each warmed up with %,d sample statements%n", count, warmUp);
        }
        return new BenchWorkers(processes);
    }

    void stop() throws InterruptedException, IOException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor(2, TimeUnit.MINUTES);
        }
    }

    /**
     * Per partitioned step: its partitions, the time from the step's start to its first partition
     * starting on a worker (split, send, take), and from the last partition's end to the step's end
     * (the manager's poll): the messaging's cost, next to the partitions' own work.
     */
    static void printMessagingCost(JobExecution execution, int workers) {
        Map<String, List<StepExecution>> partitions = new TreeMap<>();
        Map<String, StepExecution> steps = new TreeMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            int colon = step.getStepName().indexOf(':');
            if (colon < 0) {
                steps.put(step.getStepName(), step);
            } else {
                partitions.computeIfAbsent(step.getStepName().substring(0, colon).replaceFirst("Partition$", ""),
                        k -> new ArrayList<>()).add(step);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %12s %12s %14s%n", "step on " + workers + " workers", "seconds",
                "partitions", "to first s", "after last s", "partition s sum");
        partitions.forEach((name, parts) -> {
            StepExecution step = steps.get(name);
            LocalDateTime firstStart = parts.stream().map(StepExecution::getStartTime).min(LocalDateTime::compareTo)
                    .orElseThrow();
            LocalDateTime lastEnd = parts.stream().map(StepExecution::getEndTime).max(LocalDateTime::compareTo)
                    .orElseThrow();
            double sum = parts.stream().mapToDouble(p -> seconds(p.getStartTime(), p.getEndTime())).sum();
            System.out.printf(Locale.ROOT, "%-22s %10.2f %10d %12.2f %12.2f %14.2f%n", name,
                    seconds(step.getStartTime(), step.getEndTime()), parts.size(),
                    seconds(step.getStartTime(), firstStart), seconds(lastEnd, step.getEndTime()), sum);
        });
    }

    private static double seconds(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
