package com.arcycle.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.arcycle.dunning.Stage;
import com.arcycle.testing.Pdfs;

/** Renders statements and reads the PDFs back with PDFBox. */
class StatementRendererTests {

    private static StatementRenderer renderer;

    @BeforeAll
    static void loadReports() {
        renderer = StatementRenderer.fromClasspath();
    }

    private static String text(StatementDocument document) {
        return Pdfs.text(renderer.render(document));
    }

    @DisplayName("a good-standing REMINDER is friendly: the payment may have been overlooked")
    @Test
    void reminderInGoodStanding() {
        String text = text(Samples.statement(Stage.REMINDER, true, false));

        assertThat(text).contains("Statement", "Thank you for being a customer of Harbor Lane Services LLC since March 2019",
                "this may have been overlooked", "please disregard this reminder",
                "Our records show $540.00 on your account past its due date",
                "payment of the amount due, $895.00, at your earliest convenience",
                "call us at (207) 555-0142 or write to billing@harborlane.example");
        assertThat(text).doesNotContain("Past-due notice", "Final demand", "placed for collection", "suspended");
    }

    @DisplayName("a REMINDER to an account not in good standing does not say 'may have been overlooked'")
    @Test
    void reminderNotInGoodStanding() {
        String text = text(Samples.statement(Stage.REMINDER, false, false));

        assertThat(text).contains("This is a friendly reminder that $540.00 on your account is past its due date",
                "please send payment of the amount due, $895.00");
        assertThat(text).doesNotContain("overlooked");
    }

    @DisplayName("a PAST_DUE notice is firm and factual: terms, the fees accruing, this cycle's fees")
    @Test
    void pastDue() {
        String text = text(Samples.statement(Stage.PAST_DUE, true, true));

        assertThat(text).contains("Past-due notice", "Your account is past due.", "$1,808.75 remains unpaid",
                "the oldest invoice is 52 days past its due date",
                "Our payment terms are net 30 days from the invoice date.",
                "an invoice more than 10 days past due is charged a late fee of 1.5% of its unpaid balance each month (at least $2.00)",
                "This statement includes $26.85 in new late fees",
                "Late fees will continue to be charged each month while the balance remains unpaid.",
                "Please pay the amount due, $2,400.60, now.");
        assertThat(text).doesNotContain("overlooked", "placed for collection", "suspended");
    }

    @DisplayName("a PAST_DUE notice to an account without late fees does not threaten them")
    @Test
    void pastDueWithoutLateFees() {
        StatementDocument base = Samples.statement(Stage.PAST_DUE, false, false);
        StatementTerms noFees = new StatementTerms(base.policy().paymentTerms(), 10, base.policy().monthlyRate(),
                base.policy().minFee(), base.policy().maxFeePercent(), false, base.policy().agingBucketEdges());
        StatementDocument document = withPolicy(base, noFees, List.of());

        String text = text(document);

        assertThat(text).contains("Your account is past due.", "No late fees are charged on your account.");
        assertThat(text).doesNotContain("Late fees will continue", "Late fees charged on this statement");
    }

    @DisplayName("a FINAL_DEMAND names the date after which the account goes to collections")
    @Test
    void finalDemand() {
        String text = text(Samples.statement(Stage.FINAL_DEMAND, false, false));

        assertThat(text).contains("Final demand", "Final demand for payment.",
                "the oldest invoice is 82 days past its due date",
                "If it is not paid by March 2, 2026, your account will be placed for collection after that date.",
                "Pay in full by March 2, 2026");
        assertThat(text).doesNotContain("suspended", "overlooked");
    }

    @DisplayName("a FINAL_DEMAND to a recurring-service customer says that service will be suspended")
    @Test
    void finalDemandRecurringService() {
        String text = text(Samples.statement(Stage.FINAL_DEMAND, false, true));

        assertThat(text).contains(
                "Service on your account will also be suspended after March 2, 2026 if the balance is not paid.");
    }

    @DisplayName("a COLLECTIONS statement is the notice that the account has been placed for collection")
    @Test
    void collections() {
        String text = text(Samples.statement(Stage.COLLECTIONS, false, true));

        assertThat(text).contains("Notice of collection", "Your account has been placed for collection.",
                "on January 31, 2026 we placed your account for collection",
                "You can still settle the account by paying the amount due, $2,400.60, in full.");
        assertThat(text).doesNotContain("overlooked", "Final demand", "will also be suspended");
    }

    @DisplayName("a broken promise to pay is named with its date and amount")
    @Test
    void brokenPromise() {
        StatementDocument document = Samples.statement("A-1001", "Birchwood Dental Group", Stage.PAST_DUE, false,
                false, Samples.items(Stage.PAST_DUE), Samples.fees(), Samples.brokenPromise());

        String text = text(document);

        assertThat(text).contains("Promise to pay not kept.",
                "On January 5, 2026 you promised to pay $600.00 by January 20, 2026.", "We did not receive that payment.");
        assertThat(text(Samples.statement(Stage.PAST_DUE, false, false))).doesNotContain("promised");
    }

    @DisplayName("an active promise to pay is acknowledged; a suspension already made is stated")
    @Test
    void activePromiseAndSuspension() {
        StatementDocument d = Samples.statement(Stage.COLLECTIONS, false, true);
        PromiseToPay promise = new PromiseToPay(LocalDate.of(2026, 1, 25), LocalDate.of(2026, 2, 15),
                Samples.money("900.00"), Samples.money("300.00"));
        StatementDocument document = new StatementDocument(d.business(), d.customer(), d.statementDate(),
                d.currency(), d.stage(), d.referredThisCycle(), d.goodStanding(), d.recurringService(), true,
                d.collectionsAfter(), null, promise, d.pastDueTotal(), d.maxDaysPastDue(), d.openItems(), d.fees(),
                d.aging(), d.policy());

        String text = text(document);

        assertThat(text).contains("Service on your account has been suspended.",
                "Thank you for your promise to pay. On January 25, 2026 you promised to pay $900.00 by February 15, 2026;"
                        + " we have received $300.00 of it so far, and no late fees are charged while the promise stands.");
    }

    @DisplayName("the letterhead, the address block, the heading facts and the remittance slip")
    @Test
    void letterheadAddressAndSlip() {
        String text = text(Samples.statement(Stage.PAST_DUE, false, false));

        assertThat(text).contains("Harbor Lane Services LLC", "418 Harbor Lane, Suite 200", "Portland, ME 04101",
                "(207) 555-0142", "billing@harborlane.example",
                "Birchwood Dental Group", "Attn: Accounts Payable", "12 Maple Street", "Falmouth, ME 04105",
                "Statement date January 31, 2026", "Account number A-1001", "Customer since March 4, 2019",
                "Please detach and return this part with your payment", "Remittance", "Amount enclosed",
                "Checks payable to Harbor Lane Services LLC.");
        // The account number and the amount due are on the slip too.
        assertThat(count(text, "A-1001")).isGreaterThanOrEqualTo(3);
        assertThat(count(text, "$2,400.60")).isGreaterThanOrEqualTo(4);
    }

    @DisplayName("the open items, this cycle's fees with their computation, the aging row and the total due")
    @Test
    void amounts() {
        String text = text(Samples.statement(Stage.PAST_DUE, false, false));

        assertThat(text).contains(
                "Invoice or fee Type Issued Due Original Balance Days past due Note",
                "INV-2025-0912 Invoice 11/10/2025 12/10/2025 $1,250.00 $1,250.00 52",
                "INV-2025-0950 Invoice 11/21/2025 12/21/2025 $210.00 $210.00 41 In dispute",
                "INV-2025-1003 Invoice 12/05/2025 01/04/2026 $640.00 $540.00 27",
                "LF-INV-2025-0912-20251231 Late fee 12/31/2025 12/31/2025 $18.75 $18.75 31",
                "INV-2026-0007 Invoice 01/12/2026 02/11/2026 $380.00 $380.00 \u2013",
                "Total of open items $2,425.60",
                "LF-INV-2025-0912-20260131 INV-2025-0912 $1,250.00 1.5% \u00d7 $1,250.00 = $18.75 $18.75",
                "LF-INV-2025-1003-20260131 INV-2025-1003 $540.00 1.5% \u00d7 $540.00 = $8.10 $8.10",
                "Late fees on this statement $26.85",
                "$406.85 $540.00 $1,478.75 $0.00 $0.00 $0.00 $210.00 -$25.00 $2,400.60",
                "Payment terms: net 30 days from the invoice date.",
                "the late fees on one invoice never exceed 20% of its original amount");
        // the marker on the one disputed item, the note below the table, the aging column
        assertThat(count(text, "In dispute")).isEqualTo(3);
        assertThat(text).contains("Items marked In dispute ($210.00 in all) are on hold while we look into them");
    }

    @DisplayName("a fee raised to the minimum or cut by the cap says so")
    @Test
    void feeComputation() {
        List<FeeLine> fees = List.of(
                new FeeLine("LF-INV-9-20260131", "INV-9", Samples.money("90.00"), Samples.money("80.00"),
                        Samples.money("1.20"), true, false, Samples.money("2.00")),
                new FeeLine("LF-INV-8-20260131", "INV-8", Samples.money("100.00"), Samples.money("900.00"),
                        Samples.money("13.50"), false, true, Samples.money("4.20")));
        StatementDocument document = Samples.statement("A-1001", "Birchwood Dental Group", Stage.PAST_DUE, false,
                false, Samples.items(Stage.PAST_DUE), fees, null);

        String text = text(document);

        assertThat(text).contains("1.5% \u00d7 $80.00 = $1.20; minimum fee $2.00 applies",
                "1.5% \u00d7 $900.00 = $13.50; capped at $4.20: late fees on one invoice stop at 20% of its original $100.00");
    }

    @DisplayName("a long statement runs over several pages: 'Page X of Y' and the table header on every page")
    @Test
    void longStatement() {
        StatementDocument document = Samples.longStatement(120);

        byte[] pdf = renderer.render(document);
        List<String> pages = Pdfs.pages(pdf);

        assertThat(pages).hasSize(4);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).contains("Page " + (i + 1) + " of 4");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(pages.get(i)).contains("Invoice or fee Type Issued Due Original Balance Days past due Note");
        }
        assertThat(pages.get(1)).contains("Account A-2040 \u00b7 Statement of January 31, 2026 \u00b7 continued");
        String all = String.join(" ", pages);
        for (OpenItemLine item : document.openItems()) {
            assertThat(count(all, item.itemId() + " ")).as(item.itemId()).isEqualTo(1);
        }
        // The remittance slip is on the last page only.
        assertThat(pages.get(3)).contains("Amount enclosed");
        assertThat(pages.subList(0, 3)).noneMatch(p -> p.contains("Amount enclosed"));
    }

    @DisplayName("every page that lists items has the table header, whatever the number of items")
    @ParameterizedTest(name = "{0} items")
    @ValueSource(ints = {1, 12, 22, 26, 30, 34, 45, 60, 66, 72, 75, 80})
    void tableHeaderOnEveryPageWithItems(int items) {
        List<String> pages = Pdfs.pages(renderer.render(Samples.longStatement(items)));

        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(page).contains("Page " + (i + 1) + " of " + pages.size());
            if (page.contains("INV-2025-")  && Pattern.compile("INV-2025-\\d{4} Invoice").matcher(page).find()) {
                assertThat(page).as("page %d of %d", i + 1, pages.size())
                        .contains("Invoice or fee Type Issued Due Original Balance Days past due Note");
            }
        }
        assertThat(pages.get(pages.size() - 1)).contains("Amount enclosed");
        assertThat(String.join(" ", pages)).containsOnlyOnce("Total of open items");
    }

    @DisplayName("the same document gives byte-identical PDFs, dated the cycle date, with a fixed /ID")
    @Test
    void deterministic() throws Exception {
        StatementDocument document = Samples.statement(Stage.PAST_DUE, false, true);

        byte[] first = renderer.render(document);
        byte[] second = StatementRenderer.fromClasspath().render(document);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        byte[] third = thread.submit(() -> renderer.render(document)).get();
        thread.shutdown();

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        Calendar expected = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        expected.clear();
        expected.set(2026, Calendar.JANUARY, 31);
        assertThat(Pdfs.creationDate(first).getTimeInMillis()).isEqualTo(expected.getTimeInMillis());
        assertThat(Pdfs.modificationDate(first).getTimeInMillis()).isEqualTo(expected.getTimeInMillis());
        StatementDocument other = Samples.statement("A-1002", "Cedar Street Bakery", Stage.PAST_DUE, false, false,
                Samples.items(Stage.PAST_DUE), Samples.fees(), null);
        assertThat(Pdfs.fileId(renderer.render(other))).isNotEqualTo(Pdfs.fileId(first));
        // same account and date, other content: another /ID
        StatementDocument changed = Samples.statement("A-1001", "Birchwood Dental Group", Stage.PAST_DUE, false, true,
                Samples.items(Stage.PAST_DUE).subList(0, 3), Samples.fees(), null);
        assertThat(Pdfs.fileId(renderer.render(changed))).isNotEqualTo(Pdfs.fileId(first));
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("2025" + "11");
    }

    @DisplayName("two threads rendering at once get the same bytes as one thread alone")
    @Test
    void threadSafe() throws Exception {
        List<StatementDocument> documents = new ArrayList<>();
        for (Stage stage : List.of(Stage.REMINDER, Stage.PAST_DUE, Stage.FINAL_DEMAND, Stage.COLLECTIONS)) {
            documents.add(Samples.statement(stage, stage == Stage.REMINDER, true));
        }
        documents.add(Samples.longStatement(70));
        List<byte[]> alone = documents.stream().map(renderer::render).toList();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<byte[]>> results = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (StatementDocument document : documents) {
                results.add(pool.submit(() -> renderer.render(document)));
            }
        }
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get()).isEqualTo(alone.get(i % documents.size()));
        }
        pool.shutdown();
    }

    @DisplayName("every font is embedded: DejaVu from the JasperReports font extension")
    @Test
    void fontsEmbedded() {
        List<PDFont> fonts = Pdfs.fonts(renderer.render(Samples.statement(Stage.FINAL_DEMAND, false, true)));

        assertThat(fonts).isNotEmpty();
        assertThat(fonts).allMatch(PDFont::isEmbedded, "embedded");
        assertThat(fonts).allMatch(f -> f.getName().matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"), "a DejaVu subset");
    }

    @DisplayName("renderTo writes <account_number>.pdf, the same bytes as render, and gives their SHA-256")
    @Test
    void renderTo(@TempDir Path folder) throws Exception {
        StatementDocument document = Samples.statement(Stage.PAST_DUE, false, false);

        StatementRenderer.StatementFile written = renderer.renderTo(document, folder.resolve("2026-01-31/statements"));
        Path file = written.file();

        assertThat(file.getFileName().toString()).isEqualTo("A-1001.pdf");
        assertThat(Files.readAllBytes(file)).isEqualTo(renderer.render(document));
        assertThat(written.sha256()).isEqualTo(com.arcycle.testing.ManifestCheck.sha256(file));
        try (var files = Files.list(file.getParent())) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @DisplayName("a document that cannot be a statement is refused when it is made")
    @Test
    void invalidDocuments() {
        assertThatThrownBy(() -> Samples.statement(Stage.NONE, false, false))
                .hasMessageContaining("no statement is sent at stage NONE");
        StatementDocument d = Samples.statement(Stage.PAST_DUE, false, false);
        assertThatThrownBy(() -> new StatementDocument(d.business(), d.customer(), d.statementDate(), d.currency(),
                Stage.FINAL_DEMAND, false, false, false, false, null, null, null, d.pastDueTotal(), d.maxDaysPastDue(),
                d.openItems(), d.fees(), d.aging(), d.policy()))
                .hasMessageContaining("names the date after which the account goes to collections");
        assertThatThrownBy(() -> new StatementDocument(d.business(), d.customer(), d.statementDate(), d.currency(),
                Stage.PAST_DUE, true, false, false, false, null, null, null, d.pastDueTotal(), d.maxDaysPastDue(),
                d.openItems(), d.fees(), d.aging(), d.policy()))
                .hasMessageContaining("placed-for-collection notice");
    }

    private static StatementDocument withPolicy(StatementDocument d, StatementTerms policy, List<FeeLine> fees) {
        return new StatementDocument(d.business(), d.customer(), d.statementDate(), d.currency(), d.stage(),
                d.referredThisCycle(), d.goodStanding(), d.recurringService(), d.serviceSuspended(),
                d.collectionsAfter(), d.brokenPromise(), d.activePromise(), d.pastDueTotal(), d.maxDaysPastDue(),
                d.openItems(), fees, d.aging(), policy);
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
