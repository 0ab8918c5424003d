package com.arcycle.batch;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.arcycle.platform.LocalInfile;
import com.zaxxer.hikari.HikariDataSource;

/** The cycle's batch plumbing, built from the arcycle.batch.* settings, and the connection pool it needs. */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    @Bean
    StepSettings stepSettings(DataSource dataSource, @Value("${arcycle.batch.chunk-size:500}") int chunkSize,
            @Value("${arcycle.batch.skip-limit:100}") int skipLimit) throws SQLException {
        return new StepSettings(chunkSize, mySql(dataSource) ? Integer.MIN_VALUE : 1000, skipLimit);
    }

    static boolean mySql(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("mysql") || product.contains("mariadb");
        }
    }

    /** Account steps run as one partition per core (arcycle.batch.partitions to change it). */
    @Bean
    AccountPartitions accountPartitions(JobRepository jobRepository,
            JdbcTemplate jdbc,
            @Value("${arcycle.batch.partitions:0}") int partitions) {
        int grid = partitions(partitions);
        SimpleAsyncTaskExecutor executor =
                new SimpleAsyncTaskExecutor("arcycle-partition-");
        executor.setConcurrencyLimit(grid);
        return new AccountPartitions(jobRepository, jdbc, executor, grid);
    }

    /**
     * LOAD DATA LOCAL INFILE for the cycle's inserts on MySQL/MariaDB when arcycle.batch.bulk-load
     * is on (the default) and the server allows it (local_infile; MySQL 8 turns it off by default).
     */
    @Bean
    BulkInserter bulkInserter(DataSource dataSource, JdbcTemplate jdbc,
            @Value("${arcycle.batch.bulk-load:true}") boolean bulkLoad) throws SQLException {
        boolean mysql = mySql(dataSource);
        boolean allowed = mysql && bulkLoad
                && Boolean.TRUE.equals(jdbc.queryForObject("SELECT @@GLOBAL.local_infile = 1", Boolean.class));
        if (mysql && bulkLoad && !allowed) {
            LoggerFactory.getLogger(BulkInserter.class).warn("the database server does not allow"
                    + " LOAD DATA LOCAL INFILE (local_infile is off); the cycle inserts with batched INSERTs");
        }
        return new BulkInserter(jdbc, allowed);
    }

    @Bean
    CycleRejects cycleRejects(JdbcTemplate jdbc) {
        return new CycleRejects(jdbc);
    }

    /** The partitions run here, unless a primary {@link PartitionHandling} is given (the cluster's). */
    @Bean
    AccountSteps accountSteps(PlatformTransactionManager transactionManager, StepSettings settings,
            CycleRejects rejects, AccountPartitions partitions, PartitionHandling handling) {
        return new AccountSteps(transactionManager, settings, rejects, partitions, handling);
    }

    /** Cursors an account step's reader holds open at once, at most (the driver and its children). */
    static final int CURSORS_PER_PARTITION = 8;

    /** The partitions of each account step: arcycle.batch.partitions, or one per core. */
    static int partitions(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The connection pool holds enough connections for every partition's cursors and writer (a
     * pool that is too small would leave the partitions waiting for each other). MySQL URLs get
     * batched inserts rewritten into multi-row statements, and UTF-8 throughout.
     */
    @Bean
    static BeanPostProcessor connectionSettings(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari) {
                    // A cluster worker runs arcycle.cluster.worker-threads partitions at once.
                    int atOnce = Math.max(partitions(environment.getProperty("arcycle.batch.partitions", Integer.class, 0)),
                            environment.getProperty("arcycle.cluster.worker-threads", Integer.class, 0));
                    int needed = atOnce * (CURSORS_PER_PARTITION + 1) + 4;
                    hikari.setMaximumPoolSize(Math.max(hikari.getMaximumPoolSize(), needed));
                }
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:mysql:")) {
                    hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
                    hikari.addDataSourceProperty("characterEncoding", "UTF-8");
                    hikari.addDataSourceProperty("connectionTimeZone", "UTC");
                    // BulkInserter's LOAD DATA LOCAL INFILE, fed from memory; no server can get a local file.
                    LocalInfile.configure(hikari, environment.getProperty("arcycle.batch.bulk-load", Boolean.class, true));
                    // Partitions write disjoint accounts; no gap locks between them.
                    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
                }
                return bean;
            }
        };
    }
}
