package com.arcycle.mail;

import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import com.arcycle.dunning.Stage;
import com.arcycle.reports.BusinessProperties;
import com.arcycle.reports.Formats;

/**
 * Makes a statement's email: From the business, To the account's address, a subject and a body
 * (plain text and HTML) by stage from Thymeleaf templates, the statement PDF attached as it was
 * written, and the outbox's Message-ID. The templates are {@code statement-subject.txt},
 * {@code statement.txt} and {@code statement.html}: bundled under {@code mail/}, each replaced by a
 * file of the same name in the folder {@code arcycle.mail.templates} when there is one.
 */
final class MailMessages {

    static final String SUBJECT = "statement-subject.txt";
    static final String TEXT = "statement.txt";
    static final String HTML = "statement.html";

    private final TemplateEngine templates = new TemplateEngine();
    private final InternetAddress from;
    private final BusinessProperties business;
    private final Formats formats;
    private final Clock clock;

    MailMessages(MailSettings settings, BusinessProperties business, String currency, Clock clock) {
        this.business = business;
        this.formats = new Formats(currency);
        this.clock = clock;
        this.from = from(settings, business);
        int order = 1;
        if (!settings.templates().isBlank()) {
            Path folder = Path.of(settings.templates());
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("arcycle.mail.templates " + folder + " is not a folder");
            }
            FileTemplateResolver own = new FileTemplateResolver();
            own.setPrefix(folder.toAbsolutePath() + "/");
            own.setCheckExistence(true); // a template the business did not write comes from the bundle
            templates.addTemplateResolver(configure(own, order++));
        }
        ClassLoaderTemplateResolver bundled = new ClassLoaderTemplateResolver(MailMessages.class.getClassLoader());
        bundled.setPrefix("mail/");
        templates.addTemplateResolver(configure(bundled, order));
    }

    private static AbstractConfigurableTemplateResolver configure(AbstractConfigurableTemplateResolver resolver,
            int order) {
        resolver.setOrder(order);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
        resolver.setCacheable(true);
        return resolver;
    }

    /** The sender: arcycle.mail.from, else the business's address; its name, else the business's. */
    static InternetAddress from(MailSettings settings, BusinessProperties business) {
        String address = settings.from().isBlank() ? business.email() : settings.from();
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("statements cannot be emailed without a sender: set arcycle.mail.from"
                    + " or arcycle.business.email");
        }
        String name = settings.fromName().isBlank() ? business.name() : settings.fromName();
        try {
            InternetAddress from = new InternetAddress(address.strip(), name, "UTF-8");
            from.validate();
            return from;
        } catch (UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("the sender's address " + address + " is not valid: " + e.getMessage());
        }
    }

    InternetAddress from() {
        return from;
    }

    /** The three texts of a statement's email. */
    record Texts(String subject, String text, String html) {
    }

    Texts texts(StatementMail mail) {
        Context context = new Context(java.util.Locale.US, variables(mail));
        String subject = templates.process(SUBJECT, context).strip().replaceAll("\\s+", " ");
        // A text template's control lines leave empty lines behind: one empty line between paragraphs.
        String text = templates.process(TEXT, context).replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n").strip() + "\n";
        return new Texts(subject, text, templates.process(HTML, context));
    }

    /** What the templates can use (docs/mail.md lists it). */
    Map<String, Object> variables(StatementMail mail) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", mail.name());
        v.put("accountNumber", mail.accountNumber());
        v.put("statementDate", formats.date(mail.cycleDate()));
        boolean collections = mail.referred() || mail.stage() == Stage.COLLECTIONS;
        v.put("stage", collections ? Stage.COLLECTIONS.name() : mail.stage().name());
        v.put("pastDue", formats.money(mail.pastDueTotal()));
        v.put("balance", mail.balance() == null ? null : formats.money(mail.balance()));
        v.put("maxDaysPastDue", mail.maxDaysPastDue());
        LocalDate collectionsAfter = mail.stage() == Stage.FINAL_DEMAND
                ? mail.cycleDate().plusDays(business.collectionsNoticeDays()) : null;
        v.put("collectionsAfter", collectionsAfter == null ? null : formats.date(collectionsAfter));
        StatementMail.BrokenPromise broken = mail.brokenPromise();
        v.put("brokenPromise", broken == null ? null : Map.of("made", formats.date(broken.created()),
                "promisedDate", formats.date(broken.promised()), "amount", formats.money(broken.amount()),
                "received", formats.money(broken.received())));
        Map<String, Object> biz = new HashMap<>();
        biz.put("name", business.name());
        biz.put("phone", business.phone());
        biz.put("email", business.email());
        biz.put("paymentInstructions", business.paymentInstructions());
        v.put("business", biz);
        return v;
    }

    /** The message, ready to send; {@code cycleFolder} holds the statement file. */
    MimeMessage message(Session session, StatementMail mail, Path cycleFolder) throws MessagingException {
        Path statement = cycleFolder.resolve(mail.fileName());
        if (!Files.isRegularFile(statement)) {
            throw new IllegalStateException("the statement of " + mail.accountNumber() + " is missing: " + statement);
        }
        Texts texts = texts(mail);
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        MimeMessageHelper helper = new Helper(message);
        helper.setFrom(from);
        helper.setTo(to(mail));
        helper.setSubject(texts.subject());
        helper.setSentDate(Date.from(clock.instant()));
        helper.setText(texts.text(), texts.html());
        helper.addAttachment(attachmentName(mail.cycleDate()), new FileSystemResource(statement), "application/pdf");
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }

    private static InternetAddress to(StatementMail mail) throws MessagingException {
        try {
            return new InternetAddress(mail.recipient(), mail.name(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String attachmentName(LocalDate cycleDate) {
        return "statement-" + cycleDate + ".pdf";
    }

    /** Keeps the outbox's Message-ID: JavaMail would make a random one when the message is saved. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /**
     * Spring's helper with the file type map built once: its default reads and parses the MIME
     * types file again for every message, which took most of the sending thread's time.
     */
    private static final class Helper extends MimeMessageHelper {

        private static final org.springframework.mail.javamail.ConfigurableMimeFileTypeMap TYPES = types();

        Helper(MimeMessage message) throws MessagingException {
            super(message, MULTIPART_MODE_MIXED, "UTF-8");
        }

        @Override
        protected jakarta.activation.FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return TYPES;
        }

        private static org.springframework.mail.javamail.ConfigurableMimeFileTypeMap types() {
            var types = new org.springframework.mail.javamail.ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }
}
