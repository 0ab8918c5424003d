package com.arcycle.operations;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import com.arcycle.cluster.ClusterWorker;
import com.arcycle.platform.DatabaseIdentity;

/** Runs the command given on the command line; its exit code becomes the program's. */
@Component
public class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final ImportCommand importCommand;
    private final CycleCommand cycleCommand;
    private final StatusCommand statusCommand;
    private final DemoCommand demoCommand;
    private final DeliverCommand deliverCommand;
    private final FetchRemittancesCommand fetchRemittancesCommand;
    private final RecordCommand recordCommand;
    private final SendStatementsCommand sendStatementsCommand;
    private final AddUserCommand addUserCommand;
    private final CopyDatabaseCommand copyDatabaseCommand;
    private final RunLock runLock;
    private final DatabaseIdentity database;
    private final Path home;
    private final ObjectProvider<ClusterWorker> clusterWorker;
    private int exitCode = ExitCode.OK;

    CommandRunner(ImportCommand importCommand, CycleCommand cycleCommand, StatusCommand statusCommand,
            DemoCommand demoCommand, RunLock runLock, DatabaseIdentity database,
            @Value("${arcycle.home:.}") String home, DeliverCommand deliverCommand,
            FetchRemittancesCommand fetchRemittancesCommand, RecordCommand recordCommand,
            SendStatementsCommand sendStatementsCommand, AddUserCommand addUserCommand,
            ObjectProvider<ClusterWorker> clusterWorker, CopyDatabaseCommand copyDatabaseCommand) {
        this.addUserCommand = addUserCommand;
        this.copyDatabaseCommand = copyDatabaseCommand;
        this.clusterWorker = clusterWorker;
        this.importCommand = importCommand;
        this.cycleCommand = cycleCommand;
        this.statusCommand = statusCommand;
        this.demoCommand = demoCommand;
        this.deliverCommand = deliverCommand;
        this.fetchRemittancesCommand = fetchRemittancesCommand;
        this.recordCommand = recordCommand;
        this.sendStatementsCommand = sendStatementsCommand;
        this.runLock = runLock;
        this.database = database;
        this.home = Path.of(home);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.getSourceArgs().length == 0) {
            return; // started without a command (tests): nothing to do
        }
        exitCode = execute(args.getSourceArgs(), System.out);
    }

    /** Runs one command as the launcher would, writing what it did to {@code console}; returns the exit code. */
    public int execute(String[] args, PrintStream console) {
        CommandLine command;
        try {
            command = CommandLine.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            console.println("arcycle: " + e.getMessage());
            console.println(CommandLine.USAGE);
            return ExitCode.REFUSED;
        }
        console.println("Database: " + database.describe()
                + (command.command().equals("demo") ? " (the demo's own; your ledger's database is not touched)" : ""));
        try {
            return switch (command.command()) {
                // Not under the run lock: workers run while the manager's run-cycle holds it.
                case "worker" -> clusterWorker.getObject().run(console);
                case "status" -> statusCommand.run(console);
                // The web server started with the context (ArcycleApplication) and serves until stopped.
                case "console" -> ExitCode.OK;
                case "add-user" -> addUserCommand.run(command.required("name"), command.required("role"), System.in,
                        console);
                default -> underLock(command, console);
            };
        } catch (IllegalArgumentException e) {
            console.println("arcycle: " + e.getMessage());
            return ExitCode.REFUSED;
        } catch (Exception e) {
            log.error("{} failed", command.command(), e);
            console.println(command.command() + " failed: " + CycleCommand.rootMessage(e));
            console.println("The details are in the log, logs/arcycle.log.");
            return ExitCode.FAILED;
        }
    }

    /** The commands that change the ledger run one at a time ({@link RunLock}). */
    private int underLock(CommandLine command, PrintStream console) throws Exception {
        try (RunLock.Held lock = runLock.tryAcquire()) {
            if (lock == null) {
                console.println(command.command() + " refused: another arcycle command (a cycle or an import) is"
                        + " running on this database now; wait for it to finish (scripts/arcycle status shows it)");
                return ExitCode.REFUSED;
            }
            return switch (command.command()) {
                case "import-ledger" -> importCommand.run(Path.of(command.required("dir")),
                        Path.of(command.option("out", "out")), console);
                case "run-cycle" -> {
                    var cycleDate = command.date("cycle-date");
                    if (cycleDate == null) {
                        throw new IllegalArgumentException("run-cycle needs --cycle-date YYYY-MM-DD");
                    }
                    String out = command.option("out", null);
                    yield cycleCommand.run(cycleDate, out == null ? null : Path.of(out), console);
                }
                case "restart" -> cycleCommand.restart(command.date("cycle-date"), console);
                case "demo" -> demoCommand.run(home, console);
                case "deliver" -> {
                    command.required("cycle-date");
                    yield deliverCommand.run(command.date("cycle-date"), command.flag("again"), console);
                }
                case "fetch-remittances" -> fetchRemittancesCommand.run(Path.of(command.option("out", "out")),
                        console);
                case "record-promise", "record-dispute", "record-note" -> recordCommand.run(command, console);
                case "copy-database" -> copyDatabaseCommand.run(command.required("to"), console);
                case "send-statements" -> sendStatementsCommand.run(command.date("cycle-date"),
                        command.option("account", null), command.flag("again"), console);
                default -> throw new IllegalStateException(command.command());
            };
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
