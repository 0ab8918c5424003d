package com.arcycle.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.arcycle.calls.CallWords.BrokenPromise;
import com.arcycle.reports.Formats;
import com.arcycle.testing.Letterheads;
import com.arcycle.testing.Pdfs;

/** Renders call sheets and reads them back with PDFBox. */
class CallSheetRendererTests {

    private static final LocalDate C = LocalDate.parse("2026-03-02");
    private static final CallWords WORDS = new CallWords(new Formats("USD"));

    private static CallSheetRenderer renderer;

    @BeforeAll
    static void loadReport() {
        renderer = CallSheetRenderer.fromClasspath();
    }

    static CallBlock slowSteady(int rank) {
        return new CallBlock(rank, "A002", "Slow Steady Ltd", "+1-555-0102", "billing@slowsteady.example", "PAST_DUE",
                List.of(WORDS.reason(CallReason.PROMISE_BROKEN, new BrokenPromise(LocalDate.parse("2026-03-15"),
                        new BigDecimal("500.00"), new BigDecimal("0.00")), LocalDate.parse("2025-06-01"),
                        new BigDecimal("818.00"), 77),
                        WORDS.reason(CallReason.PAST_DUE, null, LocalDate.parse("2025-06-01"),
                                new BigDecimal("818.00"), 77)),
                List.of(WORDS.item("I-2001", false, LocalDate.parse("2025-12-15"), new BigDecimal("800.00"), 77),
                        WORDS.item("LF-I-2001-20260131", true, LocalDate.parse("2026-01-31"), new BigDecimal("18.00"),
                                30)),
                WORDS.paysOnTime(false, 0, LocalDate.parse("2025-06-01"), C),
                WORDS.pastYear(new BigDecimal("1200.00"), 1),
                List.of(WORDS.dispute("I-2002", new BigDecimal("150.00"), LocalDate.parse("2026-02-15"),
                        "Delivered the wrong model")),
                List.of(WORDS.note(LocalDate.parse("2026-02-02"), "Spoke with Dana in accounts, cheque promised")));
    }

    static CallSheetDocument sheet(List<CallBlock> blocks) {
        return new CallSheetDocument(Letterheads.HARBOR_LANE, "USD", C, blocks);
    }

    @DisplayName("a block says why to phone in plain words, with phone, past-due items, habits, purchases, disputes, notes")
    @Test
    void oneBlock() {
        byte[] pdf = renderer.render(sheet(List.of(slowSteady(1))));
        String text = Pdfs.text(pdf);
        assertThat(Pdfs.pageCount(pdf)).isEqualTo(1);
        assertThat(text).contains("Harbor Lane Services LLC", "Call sheet",
                "Statement cycle of March 2, 2026",
                "1 account to phone, most urgent first",
                "1. Slow Steady Ltd \u00b7 A002", "Phone +1-555-0102",
                "Why: Promised $500.00 by March 15, not received.",
                "Also: $818.00 past due, the oldest 77 days.",
                "Stage: PAST_DUE", "billing@slowsteady.example",
                "I-2001", "12/15/2025", "$800.00", "77 days",
                "Fee LF-I-2001-20260131",
                "A customer since June 1, 2025: too new to say; no invoice paid late in the past year.",
                "Bought $1,200.00 in the past year (1 invoice).",
                "In dispute: I-2002, $150.00, in dispute since February 15, 2026: Delivered the wrong model",
                "Earlier call notes:", "02/02/2026 Spoke with Dana in accounts, cheque promised",
                "Spoke with:", "Promise to pay", "Outcome and what was said:",
                "Page 1 of 1");
    }

    @DisplayName("many accounts: blocks in rank order over several pages, each page numbered 'Page X of Y'")
    @Test
    void severalPages() {
        List<CallBlock> blocks = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            blocks.add(slowSteady(i));
        }
        byte[] pdf = renderer.render(sheet(blocks));
        int pages = Pdfs.pageCount(pdf);
        assertThat(pages).isGreaterThan(2);
        List<String> texts = Pdfs.pages(pdf);
        for (int p = 1; p <= pages; p++) {
            assertThat(texts.get(p - 1)).contains("Page " + p + " of " + pages, "Harbor Lane Services LLC",
                    "Statement cycle of March 2, 2026");
        }
        String all = Pdfs.text(pdf);
        int previous = -1;
        for (int i = 1; i <= 12; i++) {
            int at = all.indexOf(i + ". Slow Steady Ltd");
            assertThat(at).as("block %d", i).isGreaterThan(previous);
            previous = at;
        }
    }

    @DisplayName("nobody to phone: one page that says so")
    @Test
    void empty() {
        byte[] pdf = renderer.render(sheet(List.of()));
        assertThat(Pdfs.text(pdf)).contains("nobody to phone this cycle", "Page 1 of 1");
    }

    @DisplayName("the same call sheet renders to the same bytes")
    @Test
    void repeatable() {
        CallSheetDocument document = sheet(List.of(slowSteady(1), slowSteady(2)));
        assertThat(renderer.render(document)).isEqualTo(renderer.render(document));
    }
}
