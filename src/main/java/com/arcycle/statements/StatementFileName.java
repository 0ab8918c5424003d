package com.arcycle.statements;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import com.arcycle.domain.BadLedgerData;

/**
 * A statement's file name, {@code <account_number>.pdf}, made safe whatever the account number
 * holds. Letters A-Z and a-z, digits, {@code -} and {@code _} stay as they are, and so does
 * {@code .} except in first place (a leading dot hides a file); every other character is written
 * as {@code %XX} for each byte of its UTF-8 form ({@code /} is {@code %2F}, a space {@code %20},
 * {@code %} itself {@code %25}), so the account number can always be read back from the name
 * ({@link #accountNumber}). A name that Windows reserves ({@code CON}, {@code NUL}, {@code COM1}...)
 * gets its first letter encoded. Import already refuses control characters and path separators in
 * account numbers; this holds for whatever is in the database.
 */
public final class StatementFileName {

    /** The longest file name the usual file systems take, in bytes, less the ".tmp" of the one being written. */
    static final int MAX_BYTES = 255 - ".tmp".length();

    private static final String SUFFIX = ".pdf";
    private static final String HEX = "0123456789ABCDEF";
    private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");

    private StatementFileName() {
    }

    /**
     * The file name of the account's statement.
     *
     * @throws BadLedgerData when the encoded name is longer than a file system takes (the account is
     *     then skipped into rejects.csv)
     */
    public static String of(String accountNumber) {
        StringBuilder name = new StringBuilder(accountNumber.length() + SUFFIX.length());
        byte[] bytes = accountNumber.getBytes(StandardCharsets.UTF_8);
        boolean reserved = WINDOWS_RESERVED.contains(accountNumber.toUpperCase(Locale.ROOT));
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean safe = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-'
                    || b == '_' || (b == '.' && i > 0);
            if (safe && !(reserved && i == 0)) {
                name.append((char) b);
            } else {
                name.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xF));
            }
        }
        String fileName = name.append(SUFFIX).toString();
        if (fileName.length() > MAX_BYTES) {
            throw new BadLedgerData(accountNumber, null, "account_number", accountNumber, "the account number is too"
                    + " long to be a statement's file name once its unsafe characters are encoded (" + fileName.length()
                    + " bytes, at most " + MAX_BYTES + ")");
        }
        return fileName;
    }

    /** The account number a statement's file name was made from. */
    public static String accountNumber(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            throw new IllegalArgumentException(fileName + " is not a statement's file name");
        }
        String encoded = fileName.substring(0, fileName.length() - SUFFIX.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Where the statement goes: {@code folder/<name>}, checked to lie directly inside the folder
     * (a guard that holds even if the encoding above were wrong).
     */
    static Path in(Path folder, String fileName) {
        Path base = folder.toAbsolutePath().normalize();
        Path file = base.resolve(fileName).normalize();
        if (!base.equals(file.getParent())) {
            throw new IllegalStateException("statement file name " + fileName + " would leave " + base);
        }
        return file;
    }

}
