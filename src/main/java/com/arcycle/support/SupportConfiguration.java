package com.arcycle.support;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

@Configuration(proxyBeanMethods = false)
class SupportConfiguration {

    @Bean
    StepSettings stepSettings(DataSource dataSource, @Value("${arcycle.batch.chunk-size:500}") int chunkSize,
            @Value("${arcycle.batch.skip-limit:100}") int skipLimit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            boolean mysql = product.contains("mysql") || product.contains("mariadb");
            return new StepSettings(chunkSize, mysql ? Integer.MIN_VALUE : 1000, skipLimit);
        }
    }

    /** Account steps run as one partition per core (arcycle.batch.partitions to change it). */
    @Bean
    AccountPartitions accountPartitions(org.springframework.batch.core.repository.JobRepository jobRepository,
            org.springframework.jdbc.core.JdbcTemplate jdbc,
            @Value("${arcycle.batch.partitions:0}") int partitions) {
        int grid = partitions > 0 ? partitions : Runtime.getRuntime().availableProcessors();
        org.springframework.core.task.SimpleAsyncTaskExecutor executor =
                new org.springframework.core.task.SimpleAsyncTaskExecutor("arcycle-partition-");
        executor.setConcurrencyLimit(grid);
        return new AccountPartitions(jobRepository, jdbc, executor, grid);
    }

    @Bean
    CycleRejects cycleRejects(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new CycleRejects(jdbc);
    }

    /** MySQL URLs get batched inserts rewritten into multi-row statements, and UTF-8 throughout. */
    @Bean
    static BeanPostProcessor mysqlConnectionSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:mysql:")) {
                    hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
                    hikari.addDataSourceProperty("characterEncoding", "UTF-8");
                    hikari.addDataSourceProperty("connectionTimeZone", "UTC");
                    // Partitions write disjoint accounts; no gap locks between them.
                    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
                }
                return bean;
            }
        };
    }
}
