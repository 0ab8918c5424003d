package com.arcycle.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs arcycle as a user does, through scripts/arcycle in its own JVM, from a copy of scripts/ in
 * a home of its own (so data/, logs/ and the temporary files land there, not in the checkout). The
 * application comes from the test's class path (ARCYCLE_CLASSPATH), so nothing is built.
 */
public final class Launcher {

    /** What a finished run gave. */
    public record Launched(int exitCode, String output) {
    }

    /**
     * The launched JVMs' options. The tests start dozens of short commands and workers on two
     * cores: the JIT's second tier doubles each start-up's CPU (14 s against 7 s for status) and
     * pays back only in runs longer than a test's. ARCYCLE_TEST_JAVA_OPTS replaces them.
     */
    public static final String JAVA_OPTIONS = System.getenv().getOrDefault("ARCYCLE_TEST_JAVA_OPTS",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");

    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    public Launcher(Path home) throws IOException {
        this.home = home;
        Files.createDirectories(home.resolve("scripts"));
        try (Stream<Path> scripts = Files.list(Path.of("scripts"))) {
            for (Path script : scripts.toList()) {
                Files.copy(script, home.resolve("scripts").resolve(script.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        environment.put("ARCYCLE_CLASSPATH", System.getProperty("java.class.path"));
        environment.put("ARCYCLE_JAVA_OPTS", JAVA_OPTIONS);
    }

    public Path home() {
        return home;
    }

    /** Runs against this database URL (the embedded H2 under the home's data/ without it). */
    public Launcher database(String url) {
        return environment("ARCYCLE_DB_URL", url);
    }

    /** Sets an environment variable of the launched command; null removes it. */
    public Launcher environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts scripts/arcycle with these arguments; its output (both streams) goes to {@code log}. */
    public Process start(Path log, String... args) throws IOException {
        return startIn(home, log, args);
    }

    /** The same, from another working directory (made when missing). */
    public Process startIn(Path directory, Path log, String... args) throws IOException {
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>();
        command.add(home.resolve("scripts/arcycle").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("ARCYCLE_DB_URL");
        builder.environment().remove("ARCYCLE_DB_USER");
        builder.environment().remove("ARCYCLE_DB_PASSWORD");
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder.start();
    }

    /** Runs scripts/arcycle with these arguments to its end (2 minutes at most). */
    public Launched run(String... args) throws Exception {
        return runIn(home, args);
    }

    /** The same, from another working directory. */
    public Launched runIn(Path directory, String... args) throws Exception {
        Path log = Files.createTempFile(home, "launch-", ".log");
        try {
            Process process = startIn(directory, log, args);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("scripts/arcycle " + String.join(" ", args) + " did not end: "
                        + Files.readString(log));
            }
            return new Launched(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
