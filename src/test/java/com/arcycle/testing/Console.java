package com.arcycle.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.arcycle.operations.CommandRunner;

/** Runs arcycle commands the way the launcher does and keeps what they print. */
public final class Console {

    private final CommandRunner commands;
    private String output = "";

    public Console(CommandRunner commands) {
        this.commands = commands;
    }

    /** Runs one command; returns its exit code. What it printed is in {@link #output()}. */
    public int run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code = commands.execute(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        output = buffer.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        return code;
    }

    public String output() {
        return output;
    }
}
