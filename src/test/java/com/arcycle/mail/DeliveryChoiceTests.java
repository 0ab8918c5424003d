package com.arcycle.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a statement goes out: the customer's address and statement_delivery in, channel and status out. */
class DeliveryChoiceTests {

    @ParameterizedTest(name = "email {0}, statement_delivery {1}: {2} {3}")
    @CsvSource(nullValues = "-", textBlock = """
            ap@cedar.example,  -,     EMAIL, PENDING
            ap@cedar.example,  EMAIL, EMAIL, PENDING
            ap@cedar.example,  email, EMAIL, PENDING
            ap@cedar.example,  BOTH,  BOTH,  PENDING
            ap@cedar.example,  POST,  POST,  BY_POST
            -,                 -,     POST,  NO_EMAIL
            '  ',              BOTH,  POST,  NO_EMAIL
            -,                 EMAIL, POST,  NO_EMAIL
            not an address,    -,     EMAIL, FAILED
            ap@@cedar.example, BOTH,  BOTH,  FAILED
            """)
    void channelAndStatus(String email, String statementDelivery, Channel channel, OutboxStatus status) {
        DeliveryChoice choice = DeliveryChoice.of(email, statementDelivery);

        assertThat(choice.channel()).isEqualTo(channel);
        assertThat(choice.status()).isEqualTo(status);
        assertThat(choice.reason() == null).isEqualTo(status == OutboxStatus.PENDING);
    }

    @Test
    void anUnknownStatementDeliveryIsRefused() {
        assertThatThrownBy(() -> DeliveryChoice.of("ap@cedar.example", "FAX"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMessageIdIsTheSameForTheSameAccountCycleAndResendAndDiffersOtherwise() {
        LocalDate c = LocalDate.of(2026, 3, 31);
        String id = MessageIds.of(c, "A-1", 0, "harbor.example");

        assertThat(id).matches("<2026-03-31\\.[0-9a-f]{24}@harbor\\.example>").doesNotContain("A-1")
                .isEqualTo(MessageIds.of(c, "A-1", 0, "harbor.example"));
        assertThat(MessageIds.of(c, "A-2", 0, "harbor.example")).isNotEqualTo(id);
        assertThat(MessageIds.of(c.plusMonths(1), "A-1", 0, "harbor.example")).isNotEqualTo(id);
        assertThat(MessageIds.of(c, "A-1", 1, "harbor.example")).isEqualTo(id.replace("@", ".r1@"));
        assertThat(MessageIds.domainOf("Harbor <billing@harbor.example>")).isEqualTo("harbor.example");
    }
}
