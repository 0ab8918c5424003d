package com.arcycle.collections;

import static com.arcycle.testing.TestLedger.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.arcycle.dunning.Stage;

class NoticeTests {

    @DisplayName("paper trail: notices oldest first as date:STAGE joined by ';'")
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-04-01:FINAL_DEMAND 2026-01-31:REMINDER 2026-03-02:PAST_DUE | 2026-01-31:REMINDER;2026-03-02:PAST_DUE;2026-04-01:FINAL_DEMAND
            2026-08-31:REMINDER 2026-09-30:PAST_DUE                         | 2026-08-31:REMINDER;2026-09-30:PAST_DUE
            2026-09-30:REMINDER                                             | 2026-09-30:REMINDER
                                                                            |
            """)
    void paperTrail(String notices, String expected) {
        List<Notice> list = new ArrayList<>();
        if (notices != null) {
            for (String n : notices.trim().split("\\s+")) {
                String[] parts = n.split(":");
                list.add(new Notice(date(parts[0]), Stage.valueOf(parts[1]), "POST"));
            }
        }
        assertThat(Notice.paperTrail(list)).isEqualTo(expected == null ? "" : expected);
    }

    @DisplayName("how a statement reached the customer, from its outbox row (none: email was off)")
    @ParameterizedTest(name = "outbox {0} {1} -> {2}")
    @CsvSource(nullValues = "-", textBlock = """
            -,     -,        POST
            EMAIL, SENT,     EMAIL
            BOTH,  SENT,     EMAIL+POST
            EMAIL, FAILED,   POST
            BOTH,  FAILED,   POST
            POST,  NO_EMAIL, POST
            POST,  BY_POST,  POST
            EMAIL, PENDING,  POST
            """)
    void channel(String channel, String status, String expected) {
        assertThat(Notice.channel(channel, status)).isEqualTo(expected);
    }

    @Test
    void channelTrailIsBesideThePaperTrailOldestFirst() {
        List<Notice> notices = List.of(new Notice(date("2026-03-02"), Stage.PAST_DUE, "POST"),
                new Notice(date("2026-01-31"), Stage.REMINDER, "EMAIL"));

        assertThat(Notice.channelTrail(notices)).isEqualTo("2026-01-31:EMAIL;2026-03-02:POST");
        assertThat(Notice.paperTrail(notices)).isEqualTo("2026-01-31:REMINDER;2026-03-02:PAST_DUE");
    }
}
