package dev.perpflow.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Telegram token camel-telegram writes into failed Bot API URLs never reaches a log line. */
class SecretMaskingTest {

    private static final String TOKEN = "7001234567:AAHf-s3cr3t_T0ken";

    @Test
    void aBotApiTokenIsMaskedInMessagesAndInStackTraces() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(LogFiles.PATTERN); // %msg and %xEx: the converters logback.xml installs
        encoder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        ch.qos.logback.classic.Logger logger = context.getLogger("masking-test");
        logger.addAppender(appender);
        try {
            Logger log = LoggerFactory.getLogger("masking-test");
            log.warn("Failed polling endpoint. Caused by: Could not request GET http://127.0.0.1:1/bot{}/getUpdates",
                    TOKEN);
            log.error("send failed", new IllegalStateException("POST https://api.telegram.org/bot" + TOKEN
                    + "/sendMessage answered 502", new RuntimeException("bot" + TOKEN)));
        } finally {
            logger.detachAppender(appender);
            appender.stop();
        }
        String logged = out.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("/bot***/getUpdates", "/bot***/sendMessage answered 502", "IllegalStateException")
                .doesNotContain(TOKEN).doesNotContain("s3cr3t");
    }

    @Test
    void textWithoutATokenIsLeftAlone() {
        assertThat(SecretMasking.mask("robot 12:30 meeting, bot:abc")).isEqualTo("robot 12:30 meeting, bot:abc");
        assertThat(SecretMasking.mask(null)).isNull();
    }
}
