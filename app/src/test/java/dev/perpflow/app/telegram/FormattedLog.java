package dev.perpflow.app.telegram;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** Every log line, formatted the way the application's appenders format them (masking included), while captured. */
final class FormattedLog {

    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private FormattedLog() {
    }

    static FormattedLog capture() {
        FormattedLog log = new FormattedLog();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%logger - %msg%n%xEx");
        encoder.start();
        log.appender.setContext(context);
        log.appender.setEncoder(encoder);
        log.appender.setOutputStream(log.out);
        log.appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log.appender);
        return log;
    }

    /** Stops capturing; what was logged. */
    String stop() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
