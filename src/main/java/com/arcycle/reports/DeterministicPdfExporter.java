package com.arcycle.reports;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.AttributedCharacterIterator.Attribute;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;

/**
 * Jasper's PDF exporter made repeatable: the same filled report gives the same bytes. OpenPDF
 * (under Jasper's "classic" PDF producer) would otherwise write three things that change on every run:
 * <ul>
 * <li>the info dictionary's {@code /CreationDate} (and {@code /ModDate}), from the clock: both are
 * set to the document's date (the cycle date, midnight UTC) just before the file is closed;</li>
 * <li>the trailer's {@code /ID}, an MD5 of the clock and free memory: OpenPDF takes the info
 * dictionary's {@code /FileId} entry instead when there is one, so one is put there: the MD5 of the
 * document's name (e.g. {@code statement/A-1001/2026-01-31}) and of its content (a digest of the
 * document record). The entry also stays in the info dictionary, where readers ignore it;</li>
 * <li>the six-letter tag of each embedded font subset ({@code ABCDEF+DejaVuSans}), drawn from a
 * {@code SecureRandom}: every font the producer hands out gets a {@link SubsetTags} random whose
 * letters are a function of the document key and the order in which the subsets are written.</li>
 * </ul>
 * One exporter exports one PDF, in the calling thread.
 */
final class DeterministicPdfExporter extends JRPdfExporter {

    private final Calendar documentDate;
    private final String documentKey;
    private final Supplier<String> contentKey;

    /**
     * @param documentDate the date written as the PDF's creation and modification date
     * @param documentKey names the document (e.g. {@code statement/A-1001/2026-01-31}): seeds the font subset tags
     * @param contentKey asked for when the file is closed: with the document key, makes the {@code /ID}, so
     *        two documents of the same name but different content get different ids
     */
    DeterministicPdfExporter(JasperReportsContext context, LocalDate documentDate, String documentKey,
            Supplier<String> contentKey) {
        super(context);
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.clear();
        calendar.set(documentDate.getYear(), documentDate.getMonthValue() - 1, documentDate.getDayOfMonth());
        this.documentDate = calendar;
        this.documentKey = documentKey;
        this.contentKey = contentKey;
    }

    @Override
    protected PdfProducer createPdfProducer() {
        return new Producer(createPdfProducerContext());
    }

    static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Producer extends ClassicPdfProducer {

        Producer(PdfProducerContext context) {
            super(context);
        }

        @Override
        public PdfDocumentWriter createWriter(OutputStream stream) throws JRException {
            PdfDocumentWriter writer = super.createWriter(stream);
            SubsetTags.start(documentKey);
            return writer;
        }

        @Override
        public Font getFont(Map<Attribute, Object> attributes, Locale locale) {
            Font font = super.getFont(attributes, locale);
            BaseFont base = font.getBaseFont();
            if (base != null) {
                base.setSecureRandom(SubsetTags.INSTANCE);
            }
            return font;
        }

        @Override
        public void close() {
            PdfWriter writer = getPdfWriter();
            PdfDictionary info = writer.getInfo();
            PdfDate date = new PdfDate(documentDate);
            info.put(PdfName.CREATIONDATE, date);
            info.put(PdfName.MODDATE, date);
            byte[] id = md5(documentKey + "\n" + contentKey.get());
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            try {
                super.close();
            } finally {
                SubsetTags.finish();
            }
        }
    }

    /**
     * The "random" source of font subset tags: OpenPDF draws six {@code nextDouble()} per subset.
     * Per thread, it yields a fixed sequence seeded from the document key being exported, so the
     * tags are the same on every run and differ between documents. Shared by all fonts (they are
     * cached across documents and threads); the state is thread-local, as each export runs in one thread.
     */
    static final class SubsetTags extends SecureRandom {

        private static final long serialVersionUID = 1L;
        static final SubsetTags INSTANCE = new SubsetTags();
        private static final ThreadLocal<long[]> STATE = new ThreadLocal<>();

        private SubsetTags() {
            super(new byte[0]);
        }

        static void start(String documentKey) {
            byte[] digest = md5("subset-tags/" + documentKey);
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (digest[i] & 0xff);
            }
            STATE.set(new long[] {seed});
        }

        static void finish() {
            STATE.remove();
        }

        @Override
        public double nextDouble() {
            long[] state = STATE.get();
            if (state == null) {
                // A font written outside an export of ours: still repeatable.
                state = new long[] {0x5DEECE66DL};
                STATE.set(state);
            }
            // SplitMix64
            long z = (state[0] += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
        }
    }
}
