package com.arcycle.batch;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import com.arcycle.testing.TestDatabase;

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
