package com.arcycle.calls;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.TestDatabase;

class CallOutcomesOnH2IntegrationTests extends CallOutcomesIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "call-outcomes");
    }
}
