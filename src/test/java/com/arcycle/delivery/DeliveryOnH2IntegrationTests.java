package com.arcycle.delivery;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.TestDatabase;

class DeliveryOnH2IntegrationTests extends DeliveryIntegrationTests {

    private static final Firm FIRM = Firm.start("h2");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "delivery");
        FIRM.settings(registry);
    }

    @AfterAll
    static void stopServer() throws Exception {
        FIRM.close();
    }

    @Override
    Firm firm() {
        return FIRM;
    }
}
