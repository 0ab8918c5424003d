package com.arcycle.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import com.arcycle.operations.CommandRunner;

/**
 * The operator's actions (restart, run a cycle, import a ledger), each run as the command line runs
 * it ({@link CommandRunner#execute}: the same guard, run lock and messages), one at a time, in the
 * background, and recorded in {@code console_action} (its one writer): who, when, what, and how it
 * ended.
 */
@Component
@ConditionalOnWebApplication
class ConsoleActions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleActions.class);
    /** What is kept of a command's output (the column's size); the log has it all. */
    private static final int OUTPUT_KEPT = 8000;

    private final CommandRunner commands;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** One action at a time in this process (the run lock keeps other processes out). */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "console-action");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean busy = new AtomicBoolean();

    ConsoleActions(CommandRunner commands, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What became of an action: finished (with the command's exit code and output) or still running. */
    record Outcome(long id, boolean finished, int exitCode, String output) {
    }

    /**
     * Starts the command for the user and waits a moment for it: a refusal (a date the guard refuses,
     * another command running) comes back at once; a long run goes on in the background.
     *
     * @param action what the page calls it ("restart", "run-cycle", "import-ledger")
     */
    Outcome start(String user, String action, List<String> args) {
        String detail = String.join(" ", args);
        if (!busy.compareAndSet(false, true)) {
            long id = record(user, action, detail);
            String refused = action + " refused: another console action is running now; wait for it to finish";
            finish(id, 2, refused);
            return new Outcome(id, true, 2, refused);
        }
        long id;
        try {
            id = record(user, action, detail);
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
        log.info("console: {} started {} ({})", user, action, detail);
        Future<Outcome> future = worker.submit(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code = 1;
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                code = commands.execute(args.toArray(String[]::new), out);
            } catch (RuntimeException e) {
                log.error("console: {} failed", action, e);
                bytes.writeBytes(("\n" + action + " failed: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            } finally {
                busy.set(false);
            }
            String output = bytes.toString(StandardCharsets.UTF_8);
            finish(id, code, output);
            log.info("console: {}'s {} ended with exit code {}", user, action, code);
            return new Outcome(id, true, code, output);
        });
        try {
            return future.get(3, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new Outcome(id, false, -1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(id, false, -1, "");
        } catch (java.util.concurrent.ExecutionException e) {
            return new Outcome(id, true, 1, String.valueOf(e.getCause()));
        }
    }

    boolean busy() {
        return busy.get();
    }

    private long record(String user, String action, String detail) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO console_action (user_name, action, detail, started_at) VALUES (?, ?, ?, ?)")
                .params(user, action, detail, LocalDateTime.now(clock)).update(key, "action_id");
        return key.getKey().longValue();
    }

    private void finish(long id, int exitCode, String output) {
        String kept = output.length() <= OUTPUT_KEPT ? output : output.substring(0, OUTPUT_KEPT - 30) + "\n... (the rest is in the log)";
        jdbc.sql("UPDATE console_action SET finished_at = ?, exit_code = ?, output = ? WHERE action_id = ?")
                .params(LocalDateTime.now(clock), exitCode, kept, id).update();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
