package com.arcycle.batch;

/**
 * How the cycle's chunked steps read and write.
 *
 * @param chunkSize accounts (or rows) per chunk and transaction
 * @param fetchSize the cursor fetch size; Integer.MIN_VALUE makes MySQL Connector/J stream rows
 *     instead of buffering the whole result in memory
 * @param skipLimit accounts with bad data a step may skip before the run fails
 */
public record StepSettings(int chunkSize, int fetchSize, int skipLimit) {
}
