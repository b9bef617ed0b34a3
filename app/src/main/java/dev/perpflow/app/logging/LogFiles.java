package dev.perpflow.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Adds the rotating log file under {@code <data-dir>/logs} once the data dir is known (it comes from the
 * properties, which are read after logging starts). Daily files, 50 MB each at most, 14 days kept.
 */
public final class LogFiles {

    static final String APPENDER = "perpflow-file";
    public static final String PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{36} %X{venue}%X{strategy} - %msg%n%xEx";

    private LogFiles() {
    }

    public static Path attach(Path dataDir) {
        Path logDir = dataDir.resolve("logs");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return logDir;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        String file = logDir.resolve("perpflow.log").toString();
        if (root.getAppender(APPENDER) instanceof RollingFileAppender<ILoggingEvent> existing) {
            if (file.equals(existing.getFile())) {
                return logDir;
            }
            // another app in this JVM (tests) with another data dir: follow the newest
            root.detachAppender(existing);
            existing.stop();
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file);
        appender.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logDir.resolve("perpflow.%d{yyyy-MM-dd,UTC}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("50MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("1GB"));
        policy.start();

        appender.setRollingPolicy(policy);
        appender.start();
        root.addAppender(appender);

        if (root.getAppender(RunLogFiles.NAME) instanceof RunLogFiles previous) {
            root.detachAppender(previous);
            previous.stop();
        }
        RunLogFiles runLogs = new RunLogFiles(logDir);
        runLogs.setContext(context);
        runLogs.start();
        root.addAppender(runLogs);
        return logDir;
    }
}
