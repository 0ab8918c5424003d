package com.arcycle.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BulkInserterOnH2IntegrationTests extends BulkInserterIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "bulk");
    }

    @Override
    boolean expectsLoadData() {
        return false;
    }
}
