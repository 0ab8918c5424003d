package com.arcycle.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Database URLs as they may be shown: a password in the URL (user-info, {@code password=},
 * {@code password1=} to {@code password3=}, key store passwords, H2's {@code PASSWORD=}) becomes
 * {@code ***}. Works on any text, so a driver's message that quotes the URL can go through it too.
 */
public final class JdbcUrls {

    /** Replaces a secret. */
    public static final String MASK = "***";

    /**
     * {@code user:secret@}: after {@code //} as in a URL, and also after a quote, bracket, comma,
     * colon or space, as drivers and servers echo a URL's pieces ({@code Unknown database
     * 'u:secret@host'}). The secret runs to the last {@code @} before a {@code /?#}, space or quote,
     * as Connector/J reads it.
     */
    private static final Pattern USER_INFO =
            Pattern.compile("(?<=^|[/:\\s'\"(\\[,])([^:/?#@\\s'\"(\\[,]*):([^/?#\\s'\"]*)@");

    /** Names that hold a secret: password, password1..3, trustCertificateKeyStorePassword, PASSWORD, pwd, token... */
    private static final String SECRET_NAME = "[\\w.-]*(?:password|passwd|pwd|secret|token|credential|apikey)[\\w.-]*";

    /**
     * {@code name=secret} in a query string or H2's {@code ;name=secret}: up to the next &, ;, #,
     * space or quote (a mask already there is kept as it is, so redacting twice changes nothing).
     */
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)(?<=^|[?&;\\s'\"])(" + SECRET_NAME + ")(\\s*=\\s*)(\\*\\*\\*(?=[&;#\\s'\":]|$)|[^&;#\\s'\"]*)");

    /**
     * Connector/J's key-value host forms, {@code (host=h,password=secret)} and
     * {@code address=(host=h)(password=secret)}: up to the next , or ).
     */
    private static final Pattern KEY_VALUE_SECRET = Pattern.compile(
            "(?i)(?<=[(,])\\s*(" + SECRET_NAME + ")(\\s*=\\s*)([^,)]*)");

    /** URLDecoder quotes what follows a bad % escape, which may be a piece of a password. */
    private static final Pattern DECODER_PIECE = Pattern.compile("(URLDecoder: [^\"]*? in: )\"[^\"]*\"");

    private JdbcUrls() {
    }

    /** The URL (or any text holding URLs) with every password replaced by {@code ***}; null stays null. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String text = USER_INFO.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        text = KEY_VALUE_SECRET.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        text = QUERY_SECRET.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        return DECODER_PIECE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
    }

    /**
     * A message that may quote the URL, or pieces of it (a driver or server echoing a database
     * name, a host or a bad setting): redacted as {@link #redact(String)} does, and every secret
     * that {@code url} holds is replaced wherever it appears, in plain or %-encoded form. Secrets
     * shorter than 4 characters are replaced only where the patterns find them, or the rest of the
     * message would be garbled.
     */
    public static String redactMessage(String message, String url) {
        if (message == null || url == null) {
            return redact(message);
        }
        String text = message;
        // the longest first, so no piece of a longer secret is left behind
        for (String secret : secrets(url).stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            if (secret.length() >= 4) {
                text = text.replace(secret, MASK);
            }
        }
        return redact(text);
    }

    /** The secrets a URL holds, as written and %-decoded. */
    static Set<String> secrets(String url) {
        Set<String> secrets = new LinkedHashSet<>();
        Matcher userInfo = USER_INFO.matcher(url);
        while (userInfo.find()) {
            add(secrets, userInfo.group(2));
        }
        for (Pattern pattern : new Pattern[] {KEY_VALUE_SECRET, QUERY_SECRET}) {
            Matcher secret = pattern.matcher(url);
            while (secret.find()) {
                add(secrets, secret.group(3));
            }
        }
        return secrets;
    }

    private static void add(Set<String> secrets, String secret) {
        if (secret.isEmpty()) {
            return;
        }
        secrets.add(secret);
        try {
            secrets.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // a bad % escape: the secret is replaced as written
        }
    }
}
