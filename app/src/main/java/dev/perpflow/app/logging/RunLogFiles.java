package dev.perpflow.app.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.sift.MDCBasedDiscriminator;
import ch.qos.logback.classic.sift.SiftingAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One log file per strategy run ({@code <data-dir>/logs/strategies/<run id>.log}): every event logged while the MDC
 * key {@code strategy} names a run (its ticks, its order flow) is also written there, so {@code /logs} and the API
 * can show one run's story. A logback {@link SiftingAppender}: a run's file is opened on its first event and closed
 * after {@link #IDLE} without one (at most {@link #MAX_OPEN} open at once); each file rolls at {@link #MAX_FILE_SIZE}
 * keeping {@link #ROLLED_FILES} older ones, so a run's log is bounded. A run id that is not a safe file name is
 * skipped. {@link #tail} reads from the end of the file, never the whole file.
 */
public final class RunLogFiles extends SiftingAppender {

    public static final String NAME = "perpflow-run-logs";
    static final Duration IDLE = Duration.buildByMinutes(5);
    static final int MAX_OPEN = 200;
    static final String MAX_FILE_SIZE = "10MB";
    static final int ROLLED_FILES = 3;
    /** A tail reads at most this much from the end of a run's files, whatever the number of lines asked. */
    static final int MAX_TAIL_BYTES = 1024 * 1024;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path dir;

    public RunLogFiles(Path logDir) {
        this(logDir, IDLE, MAX_FILE_SIZE, Duration.buildBySeconds(1));
    }

    /** {@code sizeCheckEvery}: how often a file's size is compared with its limit (logback's default is a minute). */
    RunLogFiles(Path logDir, Duration idle, String maxFileSize, Duration sizeCheckEvery) {
        this.dir = logDir.resolve("strategies");
        setName(NAME);
        setTimeout(idle);
        setMaxAppenderCount(MAX_OPEN);
        setAppenderFactory((context, runId) -> fileOf(context, runId, maxFileSize, sizeCheckEvery));
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void start() {
        MDCBasedDiscriminator discriminator = new MDCBasedDiscriminator();
        discriminator.setContext(getContext());
        discriminator.setKey("strategy");
        discriminator.setDefaultValue("-");
        discriminator.start();
        setDiscriminator(discriminator);
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String runId = event.getMDCPropertyMap().get("strategy");
        if (runId != null && SAFE.matcher(runId).matches()) {
            super.append(event);
        }
    }

    /** The run ids whose files are open now (for tests and health views). */
    public List<String> openRuns() {
        return getAppenderTracker() == null ? List.of() : List.copyOf(getAppenderTracker().allKeys());
    }

    private Appender<ILoggingEvent> fileOf(Context context, String runId, String maxFileSize,
            Duration sizeCheckEvery) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            addWarn("cannot create " + dir + ": " + e.getMessage());
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(LogFiles.PATTERN);
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("run-log-" + runId);
        file.setFile(dir.resolve(runId + ".log").toString());
        file.setEncoder(encoder);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve(runId + ".%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(ROLLED_FILES);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(maxFileSize));
        trigger.setCheckIncrement(sizeCheckEvery);
        trigger.start();

        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.start();
        return file;
    }

    /**
     * The last {@code lines} lines of a run's log (empty when it has none), read backwards from the end of its file
     * and, when that holds fewer lines, of the file it rolled into; at most {@value #MAX_TAIL_BYTES} bytes are read.
     */
    public static List<String> tail(Path logDir, String runId, int lines) {
        if (!SAFE.matcher(runId).matches() || lines <= 0) {
            return List.of();
        }
        Path strategies = logDir.resolve("strategies");
        List<String> newestFirst = new ArrayList<>();
        int budget = MAX_TAIL_BYTES;
        for (int index = 0; index <= ROLLED_FILES && newestFirst.size() < lines && budget > 0; index++) {
            Path file = strategies.resolve(index == 0 ? runId + ".log" : runId + "." + index + ".log");
            if (!Files.isRegularFile(file)) {
                if (index == 0) {
                    continue;
                }
                break;
            }
            try {
                budget -= lastLines(file, lines - newestFirst.size(), budget, newestFirst);
            } catch (IOException e) {
                return List.of("(the log of " + runId + " cannot be read: " + e.getMessage() + ")");
            }
        }
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    /** Adds up to {@code wanted} last lines of {@code file}, newest first; returns the bytes read. */
    private static int lastLines(Path file, int wanted, int budget, List<String> newestFirst) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long position = in.length();
            int read = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            List<Byte> reversed = new ArrayList<>();
            byte[] chunk = new byte[8192];
            boolean skippedTrailingNewline = false;
            int found = 0;
            while (position > 0 && found < wanted && read < budget) {
                int size = (int) Math.min(chunk.length, Math.min(position, budget - read));
                position -= size;
                in.seek(position);
                in.readFully(chunk, 0, size);
                read += size;
                for (int i = size - 1; i >= 0 && found < wanted; i--) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        if (!skippedTrailingNewline && reversed.isEmpty() && found == 0) {
                            skippedTrailingNewline = true;
                            continue;
                        }
                        newestFirst.add(decode(reversed, line));
                        found++;
                    } else {
                        reversed.add(b);
                    }
                }
            }
            if (found < wanted && position == 0 && !reversed.isEmpty()) {
                newestFirst.add(decode(reversed, line));
            }
            return read;
        }
    }

    private static String decode(List<Byte> reversed, ByteArrayOutputStream line) {
        line.reset();
        for (int i = reversed.size() - 1; i >= 0; i--) {
            line.write(reversed.get(i));
        }
        reversed.clear();
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
