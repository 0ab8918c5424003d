package com.arcycle.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.arcycle.testing.Pdfs;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The print file holds every paper statement's pages in account order, past the statements read
 * ahead and past the pages of the outbox query, and is the same bytes when written again.
 */
class PrintFileTests {

    private static final LocalDate CYCLE = LocalDate.of(2026, 3, 31);

    @TempDir
    Path folder;

    @Test
    void statementsAcrossQueryPagesAndTheReadAheadComeInAccountOrder() throws Exception {
        int count = 2 * OutboxQueries.PAGE + 7;
        List<OutboxQueries.Paper> paper = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String account = "A%05d".formatted(i);
            // Every third statement has two pages, so pages and statements do not line up.
            int pages = i % 3 == 0 ? 2 : 1;
            statement(account, pages);
            paper.add(new OutboxQueries.Paper(account, account + ".pdf", "sha-" + account));
            for (int p = 1; p <= pages; p++) {
                expected.add("Statement " + account + " page " + p);
            }
        }
        PrintFile printFile = new PrintFile(after -> paper.stream().filter(s -> s.accountNumber().compareTo(after) > 0)
                .limit(OutboxQueries.PAGE).toList());

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();
        assertThat(printFile.write(CYCLE, folder, first, progress::add)).isEqualTo(count);

        assertThat(Pdfs.pages(first.toByteArray())).as("each statement's pages, in account order")
                .containsExactlyElementsOf(expected);
        assertThat(progress).hasSize(count).endsWith((long) count);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        printFile.write(CYCLE, folder, again, done -> { });
        assertThat(again.toByteArray()).as("the same bytes when made again").isEqualTo(first.toByteArray());
    }

    @Test
    void aMissingStatementFailsTheFileNamingIt() throws Exception {
        statement("A1", 1);
        PrintFile printFile = new PrintFile(after -> after.isEmpty()
                ? List.of(new OutboxQueries.Paper("A1", "A1.pdf", "x"), new OutboxQueries.Paper("A2", "A2.pdf", "y"))
                : List.of());

        assertThatThrownBy(() -> printFile.write(CYCLE, folder, new ByteArrayOutputStream(), done -> { }))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("A2.pdf");
    }

    private void statement(String account, int pages) throws IOException {
        Document document = new Document();
        try (var out = Files.newOutputStream(folder.resolve(account + ".pdf"))) {
            PdfWriter.getInstance(document, out);
            document.open();
            for (int p = 1; p <= pages; p++) {
                if (p > 1) {
                    document.newPage();
                }
                document.add(new Paragraph("Statement " + account + " page " + p));
            }
            document.close();
        }
    }
}
