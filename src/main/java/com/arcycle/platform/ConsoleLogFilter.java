package com.arcycle.platform;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The console shows the progress lines of long steps only ({@code com.arcycle.progress}): the
 * commands print what they did and what failed themselves, in plain words, so any other log line
 * (a failing step's error with its stack trace from Spring Batch, arcycle's own records of a
 * refusal) would only repeat it; the log file keeps them all. Used by logback-spring.xml.
 */
public final class ConsoleLogFilter extends Filter<ILoggingEvent> {

    /** The logger of {@link ProgressListener}. */
    public static final String PROGRESS = "com.arcycle.progress";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLoggerName().startsWith(PROGRESS) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
