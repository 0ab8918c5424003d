package com.arcycle.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import com.arcycle.batch.BulkInserter.Table;

/**
 * What the cycle's writers insert comes back exactly as given, whatever the text holds, and a
 * chunk the database does not take whole fails and leaves nothing behind.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class BulkInserterIntegrationTests {

    static final Table SCRATCH = Table.of("bulk_scratch", "id", "label", "amount", "on_date", "flag", "days");

    @Autowired
    BulkInserter bulk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** Whether this database should be loaded with LOAD DATA LOCAL INFILE. */
    abstract boolean expectsLoadData();

    @BeforeEach
    void scratchTable() {
        jdbc.execute("DROP TABLE IF EXISTS bulk_scratch");
        jdbc.execute("""
                CREATE TABLE bulk_scratch (id VARCHAR(16) NOT NULL, label VARCHAR(40), amount DECIMAL(15,2),
                    on_date DATE, flag BOOLEAN, days INT, PRIMARY KEY (id))
                """);
    }

    private List<List<Object>> readBack() {
        return jdbc.query("SELECT id, label, amount, on_date, flag, days FROM bulk_scratch ORDER BY id",
                (rs, n) -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5) == null ? null : rs.getBoolean(5),
                        rs.getObject(6) == null ? null : rs.getInt(6)));
    }

    @Test
    void usesLoadDataOnlyOnMySql() {
        assertThat(bulk.loadsData()).isEqualTo(expectsLoadData());
    }

    @Test
    void textWithTabsNewlinesBackslashesAndNullMarkersComesBackAsGiven() {
        List<Object[]> rows = List.of(
                new Object[] {"a1", "tab\there", new BigDecimal("12.34"), LocalDate.of(2026, 1, 31), true, 7},
                new Object[] {"a2", "line\nbreak\r\nand \\ backslash", new BigDecimal("-0.05"), null, false, -3},
                new Object[] {"a3", "\\N", BigDecimal.ZERO.setScale(2), LocalDate.of(2024, 2, 29), null, null},
                new Object[] {"a4", "", new BigDecimal("9999999999999.99"), LocalDate.of(2026, 12, 31), true, 0},
                new Object[] {"a5", null, null, null, null, null},
                new Object[] {"a6", "Zoë Ñuñez – 東京 ✓", new BigDecimal("1.00"), LocalDate.of(2026, 6, 1), false, 1},
                new Object[] {"a7", "nul\0byte\ttab\\", new BigDecimal("0.01"), LocalDate.of(2000, 1, 1), true, 2});

        transactions.executeWithoutResult(status -> bulk.insert(SCRATCH, rows));

        assertThat(readBack()).containsExactly(rows.stream().map(Arrays::asList).toArray(List[]::new));
    }

    @Test
    void aDuplicateKeyFailsTheChunkAndLeavesNothingOfIt() {
        transactions.executeWithoutResult(status -> bulk.insert(SCRATCH,
                List.<Object[]>of(new Object[] {"k1", "first", null, null, null, null})));
        List<Object[]> chunk = new ArrayList<>();
        chunk.add(new Object[] {"k0", "new", null, null, null, null});
        chunk.add(new Object[] {"k1", "again", null, null, null, null});
        chunk.add(new Object[] {"k2", "new", null, null, null, null});

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> bulk.insert(SCRATCH, chunk)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(readBack()).extracting(row -> row.get(0) + "=" + row.get(1)).containsExactly("k1=first");
    }

    @Test
    void aValueTheColumnCannotHoldFailsTheChunkAndLeavesNothingOfIt() {
        List<Object[]> chunk = new ArrayList<>();
        chunk.add(new Object[] {"ok", "fits", null, null, null, null});
        chunk.add(new Object[] {"long", "x".repeat(41), null, null, null, null});

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> bulk.insert(SCRATCH, chunk)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(readBack()).isEmpty();
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefusedBeforeAnythingIsSent() {
        List<Object[]> chunk = List.<Object[]>of(new Object[] {"short", "row"});

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> bulk.insert(SCRATCH, chunk)))
                .isInstanceOfAny(IllegalArgumentException.class, DataIntegrityViolationException.class,
                        org.springframework.dao.InvalidDataAccessApiUsageException.class);

        assertThat(readBack()).isEmpty();
    }
}
