package com.arcycle.domain;

import java.util.Comparator;

/**
 * The spec's string order: the order of the UTF-8 bytes, which is the order of Unicode code
 * points. (String.compareTo compares UTF-16 code units and differs for characters beyond U+FFFF.)
 */
public final class Utf8Order implements Comparator<String> {

    public static final Utf8Order INSTANCE = new Utf8Order();

    private Utf8Order() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
