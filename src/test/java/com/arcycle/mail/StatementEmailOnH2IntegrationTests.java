package com.arcycle.mail;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.TestDatabase;

class StatementEmailOnH2IntegrationTests extends StatementEmailIntegrationTests {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "mail-step");
        mailServer(registry);
    }
}
