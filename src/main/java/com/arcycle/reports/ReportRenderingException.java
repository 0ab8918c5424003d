package com.arcycle.reports;

/** A document could not be filled or exported to PDF; the message names the document. */
public final class ReportRenderingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
