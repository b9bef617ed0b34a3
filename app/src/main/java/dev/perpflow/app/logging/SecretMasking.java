package dev.perpflow.app.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * Masks secrets that libraries put into log lines: the Telegram Bot API writes its token into every URL
 * ({@code /bot<digits>:<token>/...}), and camel-telegram logs those URLs when a call fails. logback.xml installs the
 * two converters for {@code %msg} and {@code %xEx}, so every appender (console, the data dir's files, run logs) is
 * covered.
 */
public final class SecretMasking {

    private static final Pattern TELEGRAM_TOKEN = Pattern.compile("bot\\d+:[A-Za-z0-9_\\-]+");

    private SecretMasking() {
    }

    /** {@code text} with every Bot API token replaced by {@code bot***}. */
    public static String mask(String text) {
        return text == null || text.indexOf(':') < 0 ? text : TELEGRAM_TOKEN.matcher(text).replaceAll("bot***");
    }

    /** {@code %msg}, masked. */
    public static final class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return mask(super.convert(event));
        }
    }

    /** {@code %xEx} (stack traces, their messages included), masked. */
    public static final class Throwable extends ExtendedThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return mask(super.convert(event));
        }
    }
}
