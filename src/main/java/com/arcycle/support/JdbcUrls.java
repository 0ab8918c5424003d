package com.arcycle.support;

/** Temporary stand-in; replaced by the connection-security branch's version at merge. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password\\d?=)[^&;]*", "$1***").replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
    }
}
