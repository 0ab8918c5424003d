package com.arcycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;

import com.arcycle.exports.CycleFolderCheck;
import com.arcycle.platform.EmbeddedCommits;
import com.arcycle.platform.JdbcUrls;
import com.arcycle.platform.PrivateWorkspace;

/** arcycle: the monthly statement cycle. Commands are run by {@code operations.CommandRunner}. */
@SpringBootApplication
public class ArcycleApplication {

    private static final String CONSOLE = "console";

    public static void main(String[] args) {
        String command = Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse("");
        if (command.equals("verify")) {
            System.exit(verify(args)); // needs no database and no folder of arcycle's (the AR firm runs it too)
        }
        try {
            // Before anything else: private data/, logs/ and temporary folder; killed runs' left-overs removed.
            PrivateWorkspace.prepare(Path.of(System.getProperty("arcycle.home", ".")));
        } catch (IOException | RuntimeException e) {
            System.err.println("arcycle cannot start: cannot prepare its folders: " + e.getMessage());
            System.exit(2);
        }
        if (command.equals("demo")) {
            useFreshDemoDatabase();
        }
        if (command.equals(CONSOLE)) {
            // Only the console serves web pages: every other command starts no web server.
            System.setProperty("spring.main.web-application-type", "servlet");
            // The console is scraped at /actuator/prometheus; only command-line runs push.
            System.setProperty("management.prometheus.metrics.export.pushgateway.enabled", "false");
        } else if (!command.isEmpty()) {
            // Each command's last push stays beside the others' in the Pushgateway.
            System.setProperty("management.prometheus.metrics.export.pushgateway.grouping-key.command", command);
        }
        if (command.equals("worker") || Arrays.asList(args).contains("--cluster")) {
            // Cluster mode decides how the steps are built, so it is known before the context starts.
            System.setProperty("arcycle.cluster.enabled", "true");
        }
        int code;
        try {
            ConfigurableApplicationContext context = SpringApplication.run(ArcycleApplication.class, args);
            if (command.equals(CONSOLE)) {
                return; // the web server's threads keep serving until the process is stopped
            }
            code = SpringApplication.exit(context);
        } catch (RuntimeException e) {
            // A bad setting or an unreachable database: say which, in one line, and do nothing.
            System.err.println("arcycle cannot start: " + startupProblem(e));
            code = 2;
        }
        System.exit(code);
    }

    /** {@code verify OUT/<cycle-date>}: checks a cycle folder against its manifest; needs no database. */
    private static int verify(String[] args) {
        if (args.length != 2 || !args[0].equals("verify")) {
            System.out.println("usage: scripts/arcycle verify OUT/<cycle-date>");
            return CycleFolderCheck.NO_MANIFEST;
        }
        return CycleFolderCheck.verify(Path.of(args[1]), System.out);
    }

    /** The demo always runs on its own embedded database, emptied first, whatever ARCYCLE_DB_URL says. */
    private static void useFreshDemoDatabase() {
        Path home = Path.of(System.getProperty("arcycle.home", "."));
        Path demo = home.resolve("data/demo").toAbsolutePath().normalize();
        try {
            if (Files.exists(demo)) {
                try (Stream<Path> files = Files.walk(demo)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(demo);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + demo, e);
        }
        System.setProperty("spring.datasource.url", EmbeddedCommits.fileUrl(demo.resolve("arcycle")));
        System.setProperty("spring.datasource.username", "sa");
        System.setProperty("spring.datasource.password", "");
        // The demo's business, unless the real one is configured.
        demoDefault("arcycle.business.name", "Harbor Lane Services LLC");
        demoDefault("arcycle.business.address[0]", "418 Harbor Lane, Suite 200");
        demoDefault("arcycle.business.address[1]", "Portland, ME 04101");
        demoDefault("arcycle.business.phone", "(207) 555-0142");
        demoDefault("arcycle.business.email", "billing@harborlane.example");
        demoDefault("arcycle.business.payment-instructions",
                "Checks payable to Harbor Lane Services LLC. Please write your account number on your check.");
    }

    private static void demoDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * The failure in one line. The URL and the driver's or server's messages may hold a password
     * (user-info, password=, or a piece of it echoed back): it is never printed.
     */
    static String startupProblem(Throwable failure) {
        return JdbcUrls.redactMessage(describe(failure), System.getenv("ARCYCLE_DB_URL"));
    }

    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException bind && bind.getProperty() != null) {
                Throwable reason = bind.getCause();
                while (reason != null && reason.getCause() != null) {
                    reason = reason.getCause();
                }
                return "setting " + bind.getProperty().getName() + " = " + bind.getProperty().getValue() + ": "
                        + (reason == null ? bind.getMessage() : reason.getMessage());
            }
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getMessage().startsWith("setting ")) {
                return t.getMessage();
            }
        }
        Throwable root = failure;
        boolean database = false;
        while (root.getCause() != null) {
            database |= root instanceof java.sql.SQLException;
            root = root.getCause();
        }
        database |= root instanceof java.sql.SQLException;
        if (root.getMessage() != null && (root.getMessage().contains("[90020-")
                || root.getMessage().startsWith("The file is locked"))) {
            // H2 opens its file for one process at a time: the other process is an arcycle command.
            return "another arcycle command is using the embedded database under data/ now; wait for it to finish"
                    + " (scripts/arcycle status works once it has)";
        }
        if (database) {
            String url = System.getenv("ARCYCLE_DB_URL");
            return "cannot use the database " + (url == null ? "(the embedded one under data/)" : JdbcUrls.redact(url))
                    + ": " + root.getMessage();
        }
        return root.getMessage();
    }
}
