package com.arcycle.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.arcycle.dunning.Stage;
import com.arcycle.reports.BusinessProperties;

/** The emails' texts by stage, from the bundled templates or a business's own. */
class MailMessagesTests {

    private static final LocalDate C = LocalDate.of(2026, 3, 31);
    private static final BusinessProperties BUSINESS = new BusinessProperties("Harbor Supply Co", List.of(),
            "+1-555-0100", "billing@harbor.example", "Bank transfer to 12-3456", "net 30 days from the invoice date", 30);
    private static final MailSettings DEFAULTS = settings("");

    private static MailSettings settings(String templates) {
        return new MailSettings("", "", "", templates, 5, java.time.Duration.ofSeconds(2), java.time.Duration.ofMinutes(1),
                5, 2);
    }

    private static MailMessages messages(MailSettings settings) {
        return new MailMessages(settings, BUSINESS, "USD", Clock.fixed(Instant.parse("2026-04-01T08:00:00Z"),
                ZoneOffset.UTC));
    }

    private static StatementMail mail(Stage stage, boolean referred, StatementMail.BrokenPromise broken) {
        return new StatementMail(C, "A-1", "Cedar Street Bakery", "ap@cedar.example", "<id@harbor.example>",
                Channel.EMAIL, 0, "statements/A-1.pdf", stage, referred, new BigDecimal("1234.50"), 45,
                new BigDecimal("2000.00"), broken);
    }

    @ParameterizedTest(name = "{0} (referred {1}): {2}")
    @CsvSource(delimiter = '|', textBlock = """
            REMINDER     | false | Your statement of March 31, 2026 from Harbor Supply Co              | A friendly reminder: $1,234.50 on your account is now past its due date.
            PAST_DUE     | false | Past due: $1,234.50 on your account with Harbor Supply Co            | As of March 31, 2026, $1,234.50 is unpaid after its due date, the oldest item by 45 days. Please pay it now.
            FINAL_DEMAND | false | Final demand: please pay $1,234.50 by April 30, 2026                | Unless it is paid by April 30, 2026, your account will be placed for collection.
            COLLECTIONS  | true  | Notice: your account with Harbor Supply Co has been placed for collection | Your account has been placed for collection.
            """)
    void subjectAndBodyByStage(Stage stage, boolean referred, String subject, String sentence) {
        MailMessages.Texts texts = messages(DEFAULTS).texts(mail(stage, referred, null));

        assertThat(texts.subject()).isEqualTo(subject);
        assertThat(texts.text()).startsWith("Dear Cedar Street Bakery,").contains(sentence)
                .contains("How to pay: Bank transfer to 12-3456", "Account number: A-1",
                        "Balance of your account: $2,000.00", "or call +1-555-0100")
                .doesNotContain("[#", "${", "Promise to pay not kept");
        assertThat(texts.html()).contains("Cedar Street Bakery").doesNotContain(" th:", "<th:", "${");
    }

    @Test
    void aBrokenPromiseIsNamedInBothBodies() {
        MailMessages.Texts texts = messages(DEFAULTS).texts(mail(Stage.PAST_DUE, false,
                new StatementMail.BrokenPromise(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 15),
                        new BigDecimal("300.00"), new BigDecimal("100.00"))));

        String named = "on February 20, 2026 you promised to pay $300.00 by March 15, 2026.";
        assertThat(texts.text()).contains("Promise to pay not kept: " + named,
                "By that date we received $100.00 of it.");
        assertThat(texts.html().replaceAll("<[^>]+>", "").replaceAll("\\s+", " ")).contains(named);
    }

    @Test
    void aBusinessReplacesATemplateWithItsOwnFileAndKeepsTheOthers(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("statement-subject.txt"),
                "[(${business.name})] - account [(${accountNumber})] - [(${stage})]");

        MailMessages.Texts texts = messages(settings(folder.toString())).texts(mail(Stage.REMINDER, false, null));

        assertThat(texts.subject()).isEqualTo("Harbor Supply Co - account A-1 - REMINDER");
        assertThat(texts.text()).contains("A friendly reminder");
    }

    @Test
    void noSenderNoTemplatesFolderAreRefusedWithTheSettingToFix() {
        BusinessProperties noEmail = new BusinessProperties("Harbor Supply Co", List.of(), "", "", "", "net 30", 30);
        assertThatThrownBy(() -> new MailMessages(DEFAULTS, noEmail, "USD", Clock.systemUTC()))
                .hasMessageContaining("arcycle.mail.from or arcycle.business.email");
        assertThatThrownBy(() -> messages(settings("/no/such/folder")))
                .hasMessageContaining("arcycle.mail.templates /no/such/folder is not a folder");
    }
}
