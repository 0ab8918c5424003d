package com.arcycle.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.arcycle.operations.CommandRunner;

/**
 * For integration tests that run arcycle's commands in their Spring context, as the launcher
 * does, and look at the database afterwards.
 */
public abstract class RunsCommands {

    @Autowired
    protected CommandRunner commands;

    @Autowired
    protected JdbcClient jdbc;

    /** Runs a command and keeps what it printed; a fresh one for every test. */
    protected Console console;

    @BeforeEach
    void console() {
        console = new Console(commands);
    }
}
