package com.arcycle.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.arcycle.batch.CycleFolder;
import com.arcycle.testing.EnabledWithRabbitMq;
import com.arcycle.testing.Launcher;
import com.arcycle.testing.ManifestCheck;
import com.arcycle.testing.TestDatabase;

/**
 * arcycle processes of one database, each in its own JVM through scripts/arcycle: workers that
 * run until stopped, and commands (the manager's run-cycle and restart) run to their end.
 */
final class ClusterProcesses implements AutoCloseable {

    /** A finished command: its exit code and what it printed. */
    record Finished(int exitCode, String output) {
    }

    private final Launcher launcher;
    private final Path logs;
    private final String database;
    private final List<Process> workers = new ArrayList<>();
    private final java.util.Map<Process, Path> logOf = new java.util.HashMap<>();

    ClusterProcesses(Path home, String database) throws IOException {
        this.database = database;
        this.launcher = new Launcher(home).database(TestDatabase.databaseUrl(database))
                .environment("ARCYCLE_DB_USER", TestDatabase.user())
                .environment("ARCYCLE_DB_PASSWORD", TestDatabase.password())
                .environment("SPRING_RABBITMQ_HOST", EnabledWithRabbitMq.Condition.host())
                .environment("SPRING_RABBITMQ_PORT", Integer.toString(EnabledWithRabbitMq.Condition.port()));
        this.logs = home.resolve("test-logs");
        Files.createDirectories(logs);
    }

    /** Starts a worker (one partition at a time) and waits until it is taking partitions. */
    Process worker(String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--arcycle.cluster.worker-threads=1"));
        args.addAll(List.of(settings));
        Path log = Files.createTempFile(logs, "worker-", ".log");
        Process worker = launcher.start(log, args.toArray(String[]::new));
        workers.add(worker);
        logOf.put(worker, log);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.readString(log).contains("Worker: taking")) {
            if (!worker.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the worker did not start: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return worker;
    }

    /** Starts {@code count} workers ({@link #worker}), one after the other. */
    List<Process> workers(int count, String... settings) throws Exception {
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(worker(settings));
        }
        return started;
    }

    /** Waits (five minutes at most) until the process has logged {@code line}. */
    void waitFor(Process process, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!log(process).contains(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the process never logged " + line + ": " + log(process));
            }
            Thread.sleep(100);
        }
    }

    String log(Process process) throws IOException {
        return Files.readString(logOf.get(process));
    }

    /** Starts a command; {@link #finish} waits for it. */
    Process start(String... args) throws IOException {
        Path log = Files.createTempFile(logs, "command-", ".log");
        Process process = launcher.start(log, args);
        logOf.put(process, log);
        return process;
    }

    Finished finish(Process process) throws Exception {
        if (!process.waitFor(8, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end: " + log(process));
        }
        return new Finished(process.exitValue(), log(process));
    }

    /** Runs a command to its end. */
    Finished run(String... args) throws Exception {
        return finish(start(args));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.databaseUrl(database), TestDatabase.user(),
                TestDatabase.password());
    }

    /** Stops every worker still running with SIGTERM, as systemctl stop does, and deletes the database's queue. */
    @Override
    public void close() throws Exception {
        for (Process worker : workers) {
            worker.destroy();
        }
        for (Process worker : workers) {
            if (!worker.waitFor(1, TimeUnit.MINUTES)) {
                worker.destroyForcibly();
            }
        }
        String queue;
        try (Connection connection = connect();
                java.sql.ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT CONCAT(DATABASE(), '@', @@hostname, ':', @@port)")) {
            rs.next();
            queue = ClusterQueue.clean("arcycle." + rs.getString(1)) + ".partitions";
        }
        org.springframework.amqp.rabbit.connection.CachingConnectionFactory broker =
                new org.springframework.amqp.rabbit.connection.CachingConnectionFactory(
                        EnabledWithRabbitMq.Condition.host(), EnabledWithRabbitMq.Condition.port());
        try {
            new org.springframework.amqp.rabbit.core.RabbitAdmin(broker).deleteQueue(queue);
        } finally {
            broker.destroy();
        }
    }

    /** Every file of a cycle folder with its SHA-256 (the folder's claim names its run: left out). */
    static Map<String, String> filesAndHashes(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(CycleFolder.MARKER)).toList()) {
                files.put(folder.relativize(file).toString(), ManifestCheck.sha256(file));
            }
        }
        return files;
    }
}
