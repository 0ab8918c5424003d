package com.arcycle.statements;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Renders a chunk's statements into {@code OUT/<cycle-date>/statements/} and records each in
 * {@code statement} (the table this feature owns) with its file name and SHA-256, in the chunk's
 * transaction: a restart renders again only what was not recorded.
 */
final class StatementWrites implements ItemWriter<StatementDocument> {

    static final String FOLDER = "statements";

    private final StatementRenderer renderer;
    private final JdbcTemplate jdbc;
    private final LocalDate cycleDate;
    private final Path folder;

    /** @param cycleFolder the cycle's folder, OUT/&lt;cycle-date&gt; */
    StatementWrites(StatementRenderer renderer, JdbcTemplate jdbc, LocalDate cycleDate, Path cycleFolder) {
        this.renderer = renderer;
        this.jdbc = jdbc;
        this.cycleDate = cycleDate;
        this.folder = cycleFolder.resolve(FOLDER);
    }

    @Override
    public void write(Chunk<? extends StatementDocument> chunk) {
        List<Object[]> rows = new ArrayList<>(chunk.size());
        for (StatementDocument document : chunk) {
            StatementRenderer.StatementFile written = renderer.renderTo(document, folder);
            rows.add(new Object[] {document.customer().accountNumber(), cycleDate,
                    FOLDER + "/" + written.file().getFileName(), written.sha256()});
        }
        jdbc.batchUpdate("INSERT INTO statement (account_number, cycle_date, file_name, sha256) VALUES (?, ?, ?, ?)",
                rows);
    }
}
