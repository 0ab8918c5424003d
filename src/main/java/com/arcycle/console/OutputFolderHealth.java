package com.arcycle.console;

import java.io.File;
import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Free space where the cycles write their files: the folder of the latest cycle's folder, or
 * {@code out/} before the first cycle (the nearest folder that exists). DOWN below
 * {@code arcycle.console.min-free-disk}: a cycle would fail half-way.
 */
@Component("outputFolder")
@ConditionalOnWebApplication
class OutputFolderHealth extends AbstractHealthIndicator {

    private final JdbcClient jdbc;
    private final ConsoleSettings settings;

    OutputFolderHealth(JdbcClient jdbc, ConsoleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Path folder = jdbc.sql("SELECT output_folder FROM cycle WHERE output_folder IS NOT NULL"
                + " ORDER BY cycle_date DESC LIMIT 1").query(String.class).optional()
                .map(f -> Path.of(f).getParent()).orElse(Path.of("out")).toAbsolutePath().normalize();
        File existing = folder.toFile();
        while (existing != null && !existing.exists()) {
            existing = existing.getParentFile();
        }
        long free = existing == null ? 0 : existing.getUsableSpace();
        long threshold = settings.minFreeDisk().toBytes();
        (free >= threshold ? builder.up() : builder.down()).withDetail("path", folder.toString())
                .withDetail("free", free).withDetail("threshold", threshold);
    }
}
