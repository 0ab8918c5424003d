package com.arcycle.cluster;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request on the wire: "statementsPartition 1234", the step to run and the id of its
 * execution in the job repository. Plain text, so a message in the queue can be read (and nothing
 * is deserialized from the broker but two fields).
 */
final class PartitionRequests {

    private PartitionRequests() {
    }

    static String toText(StepExecutionRequest request) {
        return request.getStepName() + " " + request.getStepExecutionId();
    }

    static StepExecutionRequest fromText(String text) {
        String[] fields = text.trim().split(" ");
        if (fields.length != 2 || !fields[0].matches("[A-Za-z]+Partition") || !fields[1].matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("not a partition request: " + text);
        }
        return new StepExecutionRequest(fields[0], Long.parseLong(fields[1]));
    }
}
