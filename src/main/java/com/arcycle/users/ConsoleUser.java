package com.arcycle.users;

/**
 * A user of the console.
 *
 * @param name the login name
 * @param passwordHash the BCrypt hash of the password (never the password)
 * @param role what the user may do
 */
public record ConsoleUser(String name, String passwordHash, Role role) {
}
