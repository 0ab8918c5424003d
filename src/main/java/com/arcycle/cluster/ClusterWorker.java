package com.arcycle.cluster;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.endpoint.AbstractEndpoint;

import com.arcycle.platform.ConsoleLogFilter;
import com.arcycle.platform.DatabaseIdentity;

/**
 * {@code scripts/arcycle worker}: takes partitions from the database's queue and runs them until
 * the process is told to stop. On SIGTERM it takes no new partition and lets the running ones stop
 * after their current chunk (they end STOPPED, with nothing lost: the manager's step fails and
 * restart continues them), then exits.
 */
public final class ClusterWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsoleLogFilter.PROGRESS);
    /** How long a stopping worker waits for its running partitions to reach the end of a chunk. */
    private static final long STOP_WAIT_SECONDS = 300;

    private final IntegrationFlowContext flows;
    private final AbstractEndpoint consumer;
    private final WorkerSteps steps;
    private final ClusterQueue queue;
    private final ClusterProperties settings;
    private final ConnectionFactory broker;
    private final DatabaseIdentity database;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean working;

    ClusterWorker(IntegrationFlowContext flows, AbstractEndpoint consumer, WorkerSteps steps, ClusterQueue queue,
            ClusterProperties settings, ConnectionFactory broker, DatabaseIdentity database) {
        this.flows = flows;
        this.consumer = consumer;
        this.steps = steps;
        this.queue = queue;
        this.settings = settings;
        this.broker = broker;
        this.database = database;
    }

    /** Runs until the process is stopped (SIGTERM); returns the exit code. */
    public int run(PrintStream console) throws InterruptedException {
        // A broker that cannot be reached fails the command now, in plain words, rather than a
        // worker that seems to wait while it only retries (systemd's Restart= tries again later).
        broker.createConnection().close();
        working = true;
        // The partition steps' request handlers (registered by each step's builder), then the consumer.
        flows.getRegistry().values().forEach(flow -> flow.start());
        consumer.start();
        console.printf("Worker: taking the cycle's partitions from the queue %s on RabbitMQ %s:%d, %d at a time,"
                + " for %s. Stop it with SIGTERM (systemctl stop, kill): it ends after the current chunk.%n",
                queue.name(), broker.getHost(), broker.getPort(), settings.threads(), database.describe());
        console.flush();
        stopped.await();
        console.println("Worker stopped.");
        return 0;
    }

    @Override
    public void start() {
        // Started by run(), by the worker command only: a manager never takes partitions.
    }

    /** On SIGTERM (the context closes): no new partition; the running ones end after their chunk. */
    @Override
    public void stop() {
        if (!working) {
            return;
        }
        working = false;
        log.info("Stopping: no new partitions; the running ones stop after their current chunk");
        steps.stopAll();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
            while (!steps.idle() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.stop();
        stopped.countDown();
    }

    @Override
    public boolean isRunning() {
        return working;
    }

    /** Stopped first, before the consumer, the connection pool and the database go. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
