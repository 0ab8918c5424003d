package com.arcycle.ledger.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes a ledger file as strict UTF-8 and counts its lines while decoding, so that a byte that
 * is not UTF-8, or a NUL (a binary file), is reported with its line however far ahead the CSV
 * parser buffers. A byte order mark at the start is skipped.
 */
final class StrictUtf8Reader extends Reader {

    static final String EXPORT_AS_UTF8 = "export the file again as UTF-8 (in Excel: Save As \"CSV UTF-8\")";

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
    /** Line of the next character decoded; CRLF, LF and a lone CR each end a line, as in Commons CSV. */
    private long line = 1;
    private boolean afterCr;
    private boolean first = true;
    private boolean endOfInput;
    private boolean flushed;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /** Decodes the next characters into {@link #chars}; false at the end of the file. */
    private boolean fill() throws IOException {
        chars.clear();
        while (chars.position() == 0) {
            if (flushed) {
                chars.flip();
                return false;
            }
            if (!endOfInput && bytes.remaining() < 4) {
                bytes.compact();
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                count(0, chars.position());
                throw new FileProblem(line, String.format(Locale.ROOT, "byte 0x%02X is not UTF-8 text (the file is"
                        + " in another encoding, or not a text file)", bytes.get(bytes.position()) & 0xFF),
                        EXPORT_AS_UTF8);
            }
            if (endOfInput && !bytes.hasRemaining()) {
                decoder.flush(chars);
                flushed = true;
            }
        }
        chars.flip();
        if (first) {
            first = false;
            if (chars.get(0) == '\uFEFF') {
                chars.position(1);
            }
        }
        count(chars.position(), chars.limit());
        return chars.hasRemaining() || fill();
    }

    private void count(int from, int to) throws FileProblem {
        for (int i = from; i < to; i++) {
            char c = chars.get(i);
            if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
            } else if (c == '\r') {
                line++;
            } else if (c == '\0') {
                throw new FileProblem(line, "a NUL byte: this is a binary file, not CSV text",
                        "put the ledger's CSV export in its place");
            }
            afterCr = c == '\r';
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
