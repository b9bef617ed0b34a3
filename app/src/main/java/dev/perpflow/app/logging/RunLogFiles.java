package dev.perpflow.app.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One log file per strategy run ({@code <data-dir>/logs/strategies/<run id>.log}): every event logged while the MDC
 * key {@code strategy} names a run (its ticks, its order flow) is also written there, so {@code /logs} and the API
 * can show one run's story. Files are opened on first use and kept open; a run id that is not a safe file name is
 * skipped.
 */
public final class RunLogFiles extends AppenderBase<ILoggingEvent> {

    public static final String NAME = "perpflow-run-logs";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path dir;
    private final PatternLayout layout = new PatternLayout();
    private final Map<String, Writer> writers = new ConcurrentHashMap<>();

    public RunLogFiles(Path logDir) {
        this.dir = logDir.resolve("strategies");
        setName(NAME);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void start() {
        layout.setContext(getContext());
        layout.setPattern(LogFiles.PATTERN);
        layout.start();
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String runId = event.getMDCPropertyMap().get("strategy");
        if (runId == null || !SAFE.matcher(runId).matches()) {
            return;
        }
        try {
            Writer writer = writers.computeIfAbsent(runId, this::open);
            synchronized (writer) {
                writer.write(layout.doLayout(event));
                writer.flush();
            }
        } catch (IOException | RuntimeException e) {
            addWarn("cannot write the log of run " + runId + ": " + e.getMessage());
        }
    }

    private Writer open(String runId) {
        try {
            Files.createDirectories(dir);
            return Files.newBufferedWriter(dir.resolve(runId + ".log"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        writers.values().forEach(writer -> {
            try {
                writer.close();
            } catch (IOException e) {
                addWarn("cannot close a run log: " + e.getMessage());
            }
        });
        writers.clear();
        super.stop();
    }

    /** The last {@code lines} lines of a run's log (empty when it has none). */
    public static List<String> tail(Path logDir, String runId, int lines) {
        if (!SAFE.matcher(runId).matches()) {
            return List.of();
        }
        Path file = logDir.resolve("strategies").resolve(runId + ".log");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(lines);
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (IOException e) {
            return List.of("(the log of " + runId + " cannot be read: " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }
}
