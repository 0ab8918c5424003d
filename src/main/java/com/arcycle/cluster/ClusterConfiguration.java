package com.arcycle.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.endpoint.AbstractEndpoint;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.platform.DatabaseIdentity;

/**
 * Cluster mode (arcycle.cluster.enabled=true, {@code --cluster}, {@code scripts/arcycle worker}):
 * the account steps' partitions go to worker processes through RabbitMQ (spring.rabbitmq.*), one
 * durable queue per database. Without the setting none of this exists and the cycle never touches
 * a broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("arcycle.cluster.enabled")
@EnableConfigurationProperties(ClusterProperties.class)
@EnableIntegration
class ClusterConfiguration {

    static final String CONSUMER = "clusterPartitionConsumer";

    @Bean
    ClusterQueue clusterQueue(DatabaseIdentity database, JdbcTemplate jdbc, ClusterProperties settings) {
        return ClusterQueue.of(database, jdbc, settings.queuePrefix());
    }

    /** Durable, and its messages persistent (the template's default): partitions waiting survive a broker restart. */
    @Bean
    Queue clusterPartitionQueue(ClusterQueue queue) {
        return QueueBuilder.durable(queue.name()).build();
    }

    @Bean
    DirectChannel clusterRequests() {
        return new DirectChannel();
    }

    @Bean
    DirectChannel clusterWorkerRequests() {
        return new DirectChannel();
    }

    /** Manager: each partition request, as text, to the database's queue. */
    @Bean
    IntegrationFlow clusterRequestsToBroker(RabbitTemplate rabbit, ClusterQueue queue,
            @Qualifier("clusterRequests") DirectChannel requests) {
        return IntegrationFlow.from(requests)
                .transform(StepExecutionRequest.class, PartitionRequests::toText)
                .handle(Amqp.outboundAdapter(rabbit).routingKey(queue.name()))
                .get();
    }

    /**
     * Worker: one request at a time per thread (prefetch 1), acknowledged when its partition has
     * ended, so a partition waiting in the queue goes to whichever worker is free; a request that
     * cannot be read is dropped, never redelivered in a loop. Started by the worker command only.
     */
    @Bean
    IntegrationFlow clusterRequestsFromBroker(ConnectionFactory broker, ClusterQueue queue, ClusterProperties settings,
            WorkerSteps steps, @Qualifier("clusterWorkerRequests") DirectChannel workerRequests) {
        return IntegrationFlow.from(Amqp.inboundAdapter(broker, queue.name())
                        .id(CONSUMER)
                        .autoStartup(false)
                        .configureContainer(container -> container.prefetchCount(1)
                                .concurrentConsumers(settings.threads())
                                .defaultRequeueRejected(false)))
                .transform(String.class, text -> {
                    steps.refuseWhenStopping();
                    return PartitionRequests.fromText(text);
                })
                .channel(workerRequests)
                .get();
    }

    @Bean
    WorkerSteps clusterWorkerSteps() {
        return new WorkerSteps();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService clusterWatchClock() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "arcycle-partition-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    @Primary
    RemotePartitions remotePartitions(JobRepository jobRepository, BeanFactory beanFactory, WorkerSteps steps,
            ClusterProperties settings, ClusterQueue queue, ScheduledExecutorService clusterWatchClock,
            @Qualifier("clusterRequests") DirectChannel requests,
            @Qualifier("clusterWorkerRequests") DirectChannel workerRequests) {
        RemotePartitioningManagerStepBuilderFactory managers = new RemotePartitioningManagerStepBuilderFactory(
                jobRepository);
        managers.setBeanFactory(beanFactory);
        RemotePartitioningWorkerStepBuilderFactory workers = new RemotePartitioningWorkerStepBuilderFactory(
                jobRepository);
        workers.setBeanFactory(beanFactory);
        return new RemotePartitions(managers, workers, requests, workerRequests, steps, jobRepository,
                settings, queue, clusterWatchClock);
    }

    @Bean
    ClusterWorker clusterWorker(IntegrationFlowContext flows, @Qualifier(CONSUMER) AbstractEndpoint consumer,
            WorkerSteps steps, ClusterQueue queue, ClusterProperties settings, ConnectionFactory broker,
            DatabaseIdentity database) {
        return new ClusterWorker(flows, consumer, steps, queue, settings, broker, database);
    }
}
