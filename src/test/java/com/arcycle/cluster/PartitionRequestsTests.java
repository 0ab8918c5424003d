package com.arcycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.integration.partition.StepExecutionRequest;

class PartitionRequestsTests {

    @Test
    void aRequestTravelsAsItsStepAndExecutionId() {
        String text = PartitionRequests.toText(new StepExecutionRequest("statementsPartition", 1234));
        assertThat(text).isEqualTo("statementsPartition 1234");
        StepExecutionRequest back = PartitionRequests.fromText(text);
        assertThat(back.getStepName()).isEqualTo("statementsPartition");
        assertThat(back.getStepExecutionId()).isEqualTo(1234L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "statementsPartition", "statementsPartition x", "statements 12", "rm -rf 12",
            "statementsPartition 12 13", "statementsPartition 1234567890123456789"})
    void anythingElseIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> PartitionRequests.fromText(text))
                .withMessageContaining("not a partition request");
    }

    @Test
    void queueNamesKeepOnlyPlainCharacters() {
        assertThat(ClusterQueue.clean("arcycle.Ledger DB@db-1.example:3306")).isEqualTo("arcycle.ledger_db@db-1.example:3306");
        assertThat(ClusterQueue.clean("x".repeat(300))).hasSize(200);
    }
}
