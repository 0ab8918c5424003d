package com.arcycle.users;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Repository;

/** The {@code console_user} table (its one writer): the console's users and their BCrypt hashes. */
@Repository
public class ConsoleUsers {

    /** Letters, digits and {@code . _ - @}: a name that is safe in a log line and an audit record. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** Shorter passwords are refused: the console may be reached from other machines. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    ConsoleUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<ConsoleUser> find(String name) {
        return jdbc.sql("SELECT user_name, password_hash, role FROM console_user WHERE user_name = ?").param(name)
                .query((rs, n) -> new ConsoleUser(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))))
                .optional();
    }

    /**
     * Adds the user, or gives an existing one this password and role; only the BCrypt hash is
     * stored. Returns true when the user is new.
     *
     * @throws IllegalArgumentException for a bad name or a short password, with a message for the user
     */
    public boolean save(String name, char[] password, Role role) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits or . _ - @ (got '" + name + "')");
        }
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String hash = encoder.encode(java.nio.CharBuffer.wrap(password));
        if (find(name).isPresent()) {
            jdbc.sql("UPDATE console_user SET password_hash = ?, role = ? WHERE user_name = ?")
                    .params(hash, role.name(), name).update();
            return false;
        }
        jdbc.sql("INSERT INTO console_user (user_name, password_hash, role, created_at) VALUES (?, ?, ?, ?)")
                .params(name, hash, role.name(), LocalDateTime.now(clock)).update();
        return true;
    }
}
