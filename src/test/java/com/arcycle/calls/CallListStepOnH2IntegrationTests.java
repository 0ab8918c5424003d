package com.arcycle.calls;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.TestDatabase;

class CallListStepOnH2IntegrationTests extends CallListStepIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "call-list-step");
    }
}
