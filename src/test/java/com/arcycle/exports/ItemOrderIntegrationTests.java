package com.arcycle.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.arcycle.ledger.ItemType;
import com.arcycle.ledger.OpenItem;
import com.arcycle.testing.EnabledWithMySql;
import com.arcycle.testing.MigrationDatabase;

/**
 * Rule 2's item order is written twice, once for the rules (OpenItem.FIFO_ORDER) and once for the
 * files' SQL (CycleExports.ITEM_ORDER): on both databases they order the same items the same way,
 * down to ids that differ only in case, accents or characters beyond ASCII.
 */
class ItemOrderIntegrationTests {

    private static final LocalDate DUE = LocalDate.parse("2026-01-15");

    /** Items that tie on one key after another, so every key of the order is needed. */
    private static List<OpenItem> items() {
        List<OpenItem> items = new ArrayList<>();
        String[] ids = {"b-2", "B-2", "a-10", "a-9", "é-1", "z-1", "Z-1", "ü", "_x", "-x", "A"};
        for (int i = 0; i < ids.length; i++) {
            LocalDate due = DUE.plusDays(i % 2);
            LocalDate issued = DUE.minusDays(i % 3);
            ItemType type = i % 4 == 0 ? ItemType.FEE : ItemType.INVOICE;
            items.add(new OpenItem(ids[i], type, ids[i], issued, due, BigDecimal.TEN, BigDecimal.TEN, List.of()));
        }
        return items;
    }

    @Test
    void onH2TheFilesOrderItemsAsTheRulesDo() {
        try (MigrationDatabase database = MigrationDatabase.h2()) {
            assertSameOrder(database);
        }
    }

    @Test
    @EnabledWithMySql
    void onMariaDbTheFilesOrderItemsAsTheRulesDo() {
        try (MigrationDatabase database = MigrationDatabase.mariaDb("item_order")) {
            assertSameOrder(database);
        }
    }

    private static void assertSameOrder(MigrationDatabase database) {
        database.migrateTo("latest");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("INSERT INTO customer (account_number, name, customer_since, recurring_service)"
                + " VALUES ('A1', 'Acme', DATE '2020-01-01', FALSE)");
        for (OpenItem item : items()) {
            jdbc.update("INSERT INTO ledger_item (item_id, item_type, account_number, invoice_number, issue_date,"
                    + " due_date, amount, balance, posted_cycle) VALUES (?, ?, 'A1', ?, ?, ?, ?, ?, DATE '2026-01-31')",
                    item.itemId(), item.type().name(), item.invoiceNumber(), item.issueDate(), item.dueDate(),
                    item.amount(), item.balance());
        }
        List<String> sql = jdbc.queryForList("SELECT li.item_id FROM ledger_item li WHERE li.account_number = 'A1'"
                + " ORDER BY " + CycleExports.ITEM_ORDER, String.class);
        List<OpenItem> sorted = new ArrayList<>(items());
        sorted.sort(OpenItem.FIFO_ORDER);
        assertThat(sql).isEqualTo(sorted.stream().map(OpenItem::itemId).toList());
    }
}
