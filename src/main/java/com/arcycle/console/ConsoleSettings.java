package com.arcycle.console;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import com.arcycle.users.Role;

/**
 * {@code arcycle.console.*}: users besides those added with {@code add-user}, and the free space
 * below which the output folder's health is DOWN. Address, port and session time-out are
 * {@code arcycle.console.address}, {@code .port}, {@code .session-timeout} (application.properties
 * hands them to the web server).
 *
 * @param users users given in the settings, each with a BCrypt hash (never a password)
 * @param minFreeDisk the output folder's health is DOWN with less free space than this
 */
@ConfigurationProperties("arcycle.console")
record ConsoleSettings(List<User> users, DataSize minFreeDisk) {

    ConsoleSettings {
        users = users == null ? List.of() : List.copyOf(users);
        minFreeDisk = minFreeDisk == null ? DataSize.ofMegabytes(500) : minFreeDisk;
        for (User user : users) {
            if (user.passwordHash() == null || !user.passwordHash().matches("\\$2[aby]?\\$\\d\\d\\$.{53}")) {
                throw new IllegalArgumentException("setting arcycle.console.users: the user " + user.name()
                        + " needs password-hash, a BCrypt hash ($2a$10$...); make one with scripts/arcycle add-user"
                        + " or htpasswd -bnBC 10 \"\" PASSWORD");
            }
        }
    }

    /** A user of the settings; role VIEWER unless given. */
    record User(String name, String passwordHash, Role role) {
        User {
            role = role == null ? Role.VIEWER : role;
        }
    }
}
