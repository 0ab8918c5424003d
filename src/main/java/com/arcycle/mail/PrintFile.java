package com.arcycle.mail;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;

/**
 * Writes {@code statements-print.pdf} for the mailing house: the statements that go on paper
 * ({@link OutboxQueries#TO_PAPER}), in account order, their pages copied from the PDFs the
 * statements step wrote (never filled again), a few statements read ahead, so memory holds few.
 * Repeatable: the same statements give the same bytes (the file's dates are the cycle date, its
 * {@code /ID} a digest of the statements' SHA-256), on every run and restart.
 */
final class PrintFile {

    /** Statements read and parsed ahead of the copying, a few so memory still holds few. */
    private static final int READ_AHEAD = 8;

    private final Function<String, List<OutboxQueries.Paper>> pages;

    /** @param pages the statements on paper after an account ("" for the first), a page at a time, in account order */
    PrintFile(Function<String, List<OutboxQueries.Paper>> pages) {
        this.pages = pages;
    }

    /**
     * Writes the cycle's print file to {@code out}; returns how many statements it holds (0: nothing
     * was written, as there is nothing to print).
     *
     * @param progress told how many statements are in so far
     */
    int write(LocalDate cycleDate, Path cycleFolder, OutputStream out, java.util.function.LongConsumer progress)
            throws IOException {
        Document document = null;
        PdfCopy copy = null;
        MessageDigest contents = md5();
        contents.update(("statements-print/" + cycleDate).getBytes(StandardCharsets.UTF_8));
        int count = 0;
        String after = "";
        List<OutboxQueries.Paper> page;
        // Reading and parsing the next statements runs on a second thread while this one copies
        // pages: the statement step has ended, so the other core is free.
        ExecutorService parser = Executors.newSingleThreadExecutor(PrintFile::parserThread);
        try {
            do {
                page = pages.apply(after);
                Deque<Future<PdfReader>> ahead = new ArrayDeque<>();
                int next = 0;
                for (OutboxQueries.Paper statement : page) {
                    while (next < page.size() && ahead.size() < READ_AHEAD) {
                        Path file = cycleFolder.resolve(page.get(next++).fileName());
                        ahead.add(parser.submit(() -> new PdfReader(Files.readAllBytes(file))));
                    }
                    if (document == null) {
                        document = new Document();
                        copy = new PdfCopy(document, out);
                        copy.setCloseStream(false);
                        document.addTitle("Statements of " + cycleDate + " to post");
                        document.addCreator("arcycle");
                        document.open();
                    }
                    PdfReader reader = parsed(ahead.remove(), cycleFolder.resolve(statement.fileName()));
                    try {
                        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                            copy.addPage(copy.getImportedPage(reader, i));
                        }
                        copy.freeReader(reader);
                    } finally {
                        reader.close();
                    }
                    contents.update(("\n" + statement.accountNumber() + " " + statement.sha256())
                            .getBytes(StandardCharsets.UTF_8));
                    after = statement.accountNumber();
                    progress.accept(++count);
                }
            } while (page.size() == OutboxQueries.PAGE);
        } finally {
            parser.shutdownNow();
        }
        if (document != null) {
            PdfDictionary info = copy.getInfo();
            PdfDate date = new PdfDate(midnightUtc(cycleDate));
            info.put(PdfName.CREATIONDATE, date);
            info.put(PdfName.MODDATE, date);
            // OpenPDF takes the trailer's /ID from here instead of from the clock.
            byte[] id = contents.digest();
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            info.put(PdfName.PRODUCER, new PdfString("arcycle"));
            document.close();
        }
        return count;
    }

    private static PdfReader parsed(Future<PdfReader> reading, Path file) throws IOException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + file);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("could not read the statement " + file + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static Thread parserThread(Runnable task) {
        Thread thread = new Thread(task, "print-file-reader");
        thread.setDaemon(true);
        return thread;
    }

    private static GregorianCalendar midnightUtc(LocalDate date) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return calendar;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
