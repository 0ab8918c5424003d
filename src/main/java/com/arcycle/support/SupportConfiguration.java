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
                }
                return bean;
            }
        };
    }
}
