package dev.perpflow.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.util.Duration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run logs stay bounded (issue 16, item 9): a run's file is closed once the run is idle, files roll at their size
 * limit, and a tail reads from the end (the right lines across chunk boundaries, rolled files and multi-byte
 * characters) without reading the whole file.
 */
class RunLogFilesTest {

    @TempDir
    Path logDir;

    private LoggerContext context;
    private Logger logger;
    private RunLogFiles appender;

    @BeforeEach
    void start() {
        context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        logger = context.getLogger("test");
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
    }

    @AfterEach
    void stop() {
        if (appender != null) {
            appender.stop();
        }
        context.stop();
    }

    private void attach(Duration idle, String maxFileSize) {
        appender = new RunLogFiles(logDir, idle, maxFileSize, Duration.buildByMilliseconds(0));
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
    }

    private void log(String runId, String message) {
        // this context's own MDC (logback keeps one per context)
        context.getMDCAdapter().put("strategy", runId);
        try {
            logger.info(message);
        } finally {
            context.getMDCAdapter().remove("strategy");
        }
    }

    /** Files of the run logs this process holds open. */
    private long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).startsWith(logDir);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    @Test
    void aRunsFileIsClosedWhenTheRunIsIdle() throws Exception {
        attach(Duration.buildByMilliseconds(300), "10MB");
        for (int i = 0; i < 30; i++) {
            log("run-" + i, "tick " + i);
        }
        assertThat(openFiles()).isEqualTo(30);
        Thread.sleep(1_200); // logback looks for idle files at most once a second
        log("run-last", "still here");
        assertThat(appender.openRuns()).containsExactly("run-last");
        assertThat(openFiles()).isEqualTo(1);
        assertThat(RunLogFiles.tail(logDir, "run-7", 5)).hasSize(1).allMatch(line -> line.contains("tick 7"));
        log("run-7", "back again");
        assertThat(RunLogFiles.tail(logDir, "run-7", 5)).hasSize(2).last().asString().contains("back again");
    }

    @Test
    void filesRollAtTheirSizeLimitAndTheTailReadsAcrossThem() throws Exception {
        attach(Duration.buildByMinutes(5), "20KB");
        for (int i = 0; i < 2_000; i++) {
            log("busy", "line " + i + " " + "x".repeat(40));
        }
        Path strategies = logDir.resolve("strategies");
        assertThat(Files.size(strategies.resolve("busy.log"))).isLessThan(40_000);
        assertThat(strategies.resolve("busy.1.log")).exists();
        assertThat(strategies.resolve("busy.4.log")).doesNotExist();
        List<String> tail = RunLogFiles.tail(logDir, "busy", 3);
        assertThat(tail).hasSize(3);
        assertThat(tail.get(2)).contains("line 1999 ");
        assertThat(tail.get(0)).contains("line 1997 ");
        // more lines than the current file holds: the rest come from the file it rolled into
        long inCurrent = Files.readAllLines(strategies.resolve("busy.log")).size();
        List<String> across = RunLogFiles.tail(logDir, "busy", (int) inCurrent + 2);
        assertThat(across).hasSize((int) inCurrent + 2);
        assertThat(across.get(across.size() - 1)).contains("line 1999 ");
        for (int i = 1; i < across.size(); i++) {
            int previous = Integer.parseInt(across.get(i - 1).replaceAll(".* line (\\d+) .*", "$1"));
            int current = Integer.parseInt(across.get(i).replaceAll(".* line (\\d+) .*", "$1"));
            assertThat(current).isEqualTo(previous + 1);
        }
    }

    @Test
    void theTailIsReadFromTheEndOfALargeFile() throws Exception {
        Path strategies = Files.createDirectories(logDir.resolve("strategies"));
        String body = IntStream.range(0, 400_000).mapToObj(i -> "line " + i + " äöü €")
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(strategies.resolve("big.log"), body, StandardCharsets.UTF_8);
        assertThat(Files.size(strategies.resolve("big.log"))).isGreaterThan(RunLogFiles.MAX_TAIL_BYTES * 5L);
        List<String> tail = RunLogFiles.tail(logDir, "big", 4);
        assertThat(tail).containsExactly("line 399996 äöü €", "line 399997 äöü €", "line 399998 äöü €",
                "line 399999 äöü €");
        // however many lines are asked, at most MAX_TAIL_BYTES are read: whole lines from the end only
        List<String> bounded = RunLogFiles.tail(logDir, "big", 500_000);
        assertThat(bounded.size()).isLessThan(400_000).isGreaterThan(1_000);
        assertThat(bounded.get(bounded.size() - 1)).isEqualTo("line 399999 äöü €");
        assertThat(bounded.get(0)).matches("line \\d+ äöü €");
        assertThat(RunLogFiles.tail(logDir, "../etc/passwd", 4)).isEmpty();
        assertThat(RunLogFiles.tail(logDir, "none-such", 4)).isEmpty();
    }
}
