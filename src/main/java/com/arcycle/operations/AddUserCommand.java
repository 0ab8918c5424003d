package com.arcycle.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.arcycle.users.ConsoleUsers;
import com.arcycle.users.Role;

/**
 * {@code add-user --name N --role VIEWER|OPERATOR}: a console user. The password is read from the
 * terminal (typed twice, not echoed) or, without one, from the first line of standard input;
 * never from the command line, where other users of the machine could see it.
 */
@Component
class AddUserCommand {

    private final ConsoleUsers users;

    AddUserCommand(ConsoleUsers users) {
        this.users = users;
    }

    int run(String name, String role, InputStream in, PrintStream console) throws IOException {
        Role parsed;
        try {
            parsed = Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--role must be VIEWER or OPERATOR (got '" + role + "')");
        }
        char[] password = readPassword(name, in, console);
        if (password == null) {
            console.println("add-user refused: no password given (type it, or pipe it on standard input)");
            return ExitCode.REFUSED;
        }
        try {
            boolean added = users.save(name, password, parsed);
            console.println((added ? "Added" : "Updated") + " the console user " + name + " (" + parsed + ")");
            return ExitCode.OK;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] readPassword(String name, InputStream in, PrintStream console) throws IOException {
        java.io.Console terminal = in == System.in ? System.console() : null;
        if (terminal != null) {
            char[] first = terminal.readPassword("Password for %s: ", name);
            char[] second = terminal.readPassword("The same password again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new IllegalArgumentException("the two passwords differ; nothing was changed");
            }
            Arrays.fill(second, '\0');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line.toCharArray();
    }
}
