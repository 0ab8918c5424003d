package com.arcycle.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.TestDatabase;

/** add-user and the console_user table: only BCrypt hashes are stored; bad input changes nothing. */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsoleUsersIntegrationTests extends RunsCommands {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "console-users");
    }

    @Autowired
    ConsoleUsers users;

    @Test
    void aUserIsStoredWithABcryptHashAndMayGetANewPasswordAndRole() {
        assertThat(users.save("ann.smith", "first-password".toCharArray(), Role.VIEWER)).isTrue();
        ConsoleUser ann = users.find("ann.smith").orElseThrow();
        assertThat(ann.role()).isEqualTo(Role.VIEWER);
        assertThat(ann.passwordHash()).startsWith("$2").doesNotContain("first-password");
        assertThat(new BCryptPasswordEncoder().matches("first-password", ann.passwordHash())).isTrue();

        assertThat(users.save("ann.smith", "second-password".toCharArray(), Role.OPERATOR)).isFalse();
        ConsoleUser updated = users.find("ann.smith").orElseThrow();
        assertThat(updated.role()).isEqualTo(Role.OPERATOR);
        assertThat(new BCryptPasswordEncoder().matches("first-password", updated.passwordHash())).isFalse();
        assertThat(new BCryptPasswordEncoder().matches("second-password", updated.passwordHash())).isTrue();
    }

    @Test
    void shortPasswordsAndOddNamesAreRefused() {
        assertThatThrownBy(() -> users.save("bob", "short".toCharArray(), Role.VIEWER))
                .hasMessage("the password must have at least 10 characters");
        assertThatThrownBy(() -> users.save("bob smith", "long-enough-1".toCharArray(), Role.VIEWER))
                .hasMessageContaining("a user name is 1 to 64 letters");
        assertThat(users.find("bob")).isEmpty();
    }

    @Test
    void theCommandNeverTakesThePasswordFromTheCommandLine() {
        assertThat(console.run("add-user", "--name", "carl", "--role", "OPERATOR", "--password", "on-the-line-1"))
                .isEqualTo(2);
        assertThat(console.output()).contains("add-user has no option --password");
        assertThat(console.run("add-user", "--name", "carl", "--role", "ADMIN")).isEqualTo(2);
        assertThat(console.output()).contains("--role must be VIEWER or OPERATOR (got 'ADMIN')");
        assertThat(users.find("carl")).isEmpty();
    }
}
