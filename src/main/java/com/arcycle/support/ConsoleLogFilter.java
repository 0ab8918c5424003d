package com.arcycle.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The console shows arcycle's own log lines only: a failing step makes Spring Batch log errors
 * with stack traces, which the user does not need to read there (the command says what failed and
 * what to do); the log file keeps them. Used by logback-spring.xml.
 */
public final class ConsoleLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLoggerName().startsWith("com.arcycle") ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
