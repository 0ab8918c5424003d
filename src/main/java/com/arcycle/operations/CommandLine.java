package com.arcycle.operations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command: {@code import-ledger --dir DIR [--out OUT]} and the like. Options are
 * {@code --name value} or {@code --name=value}; Spring settings ({@code --arcycle.policy.x=y},
 * {@code --spring.x=y}) are left to Spring.
 */
record CommandLine(String command, Map<String, String> options) {

    static final Map<String, Set<String>> COMMANDS = Map.ofEntries(
            Map.entry("import-ledger", Set.of("dir", "out")),
            Map.entry("run-cycle", Set.of("cycle-date", "out", "cluster")),
            Map.entry("status", Set.of()),
            Map.entry("restart", Set.of("cycle-date", "cluster")),
            Map.entry("worker", Set.of()),
            Map.entry("demo", Set.of()),
            Map.entry("deliver", Set.of("cycle-date", "again")),
            Map.entry("fetch-remittances", Set.of("out")),
            Map.entry("record-promise", Set.of("account", "amount", "by", "date")),
            Map.entry("record-dispute", Set.of("invoice", "date", "reason")),
            Map.entry("record-note", Set.of("account", "text", "date")),
            Map.entry("send-statements", Set.of("cycle-date", "account", "again")),
            Map.entry("console", Set.of()),
            Map.entry("add-user", Set.of("name", "role")),
            Map.entry("copy-database", Set.of("to")));

    /** Options that take no value: present means true. */
    static final Set<String> FLAGS = Set.of("again", "cluster");

    static final String USAGE = """
            usage: scripts/arcycle <command>
              import-ledger --dir DIR [--out OUT]     load the ledger CSV files of DIR (rejects: OUT/import-rejects.csv)
              run-cycle --cycle-date YYYY-MM-DD [--out DIR] [--cluster]
                                                      run the statement cycle; files go to DIR/<cycle-date>/
                                                      --cluster: the steps' partitions run on workers (docs/scale-out.md)
              worker                                  take the cycle's partitions from RabbitMQ until stopped (SIGTERM)
              status                                  list recent runs
              restart [--cycle-date YYYY-MM-DD] [--cluster]
                                                      continue a failed or crashed cycle where it stopped
              demo                                    load the demo ledger into a fresh embedded database and run its cycles
              verify OUT/<cycle-date>                 check a cycle folder against its manifest.json (no database needed)
              deliver --cycle-date YYYY-MM-DD [--again]
                                                      send the cycle's files to the AR firm's SFTP server (once; --again: on purpose again)
              fetch-remittances [--out OUT]           import the payments the AR firm collected (its remittance files)
              record-promise --account A --amount 500.00 --by YYYY-MM-DD [--date YYYY-MM-DD]
                                                      record a promise to pay heard on a call (--date: the call's day, default today)
              record-dispute --invoice I --reason "..." [--date YYYY-MM-DD]
                                                      record that the customer disputes an invoice
              record-note --account A --text "..." [--date YYYY-MM-DD]
                                                      keep a dated note of a call (call sheet, referral file)
              send-statements [--cycle-date YYYY-MM-DD] [--account A [--again]]
                                                      email the cycle's statements not yet sent (--again: A's once more)
              console                                 serve the accountant's console (http://127.0.0.1:8080/ by default)
              add-user --name N --role VIEWER|OPERATOR
                                                      add a console user (or set a new password); the password is read from
                                                      the terminal or standard input, never from the command line
              copy-database --to jdbc:mysql://HOST:3306/DB
                                                      copy this database into a new, empty MySQL database (the move from the
                                                      embedded one); its user and password from ARCYCLE_TARGET_DB_USER/_PASSWORD
            exit codes: 0 success, 1 failed (restartable), 2 bad arguments or refused, 3 completed with rejected records or undeliverable statements""";

    /** @throws IllegalArgumentException with a message for the user */
    static CommandLine parse(List<String> args) {
        List<String> words = args.stream().filter(a -> !isSpringSetting(a)).toList();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        String command = words.get(0);
        Set<String> allowed = COMMANDS.get(command);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + word + "'");
            }
            String name = word.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (FLAGS.contains(name)) {
                value = "true";
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                value = words.get(++i);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(command + " has no option --" + name);
            }
            options.put(name, value);
        }
        return new CommandLine(command, options);
    }

    private static boolean isSpringSetting(String arg) {
        return arg.startsWith("--arcycle.") || arg.startsWith("--spring.") || arg.startsWith("--logging.");
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }

    String option(String name, String whenAbsent) {
        return options.getOrDefault(name, whenAbsent);
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(command + " needs --" + name);
        }
        return value;
    }

    LocalDate date(String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " " + value + " is not a date of the form YYYY-MM-DD");
        }
    }
}
