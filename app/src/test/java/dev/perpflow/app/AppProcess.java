package dev.perpflow.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in its own JVM, configured only through environment variables (as a user would), for tests
 * of startup failures and restarts. Output goes to a file so a test can show it when an assertion fails.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final int port;

    private AppProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts the app on the test profile with the given data dir and port plus extra environment. */
    static AppProcess start(Path dataDir, int port, Map<String, String> extraEnv) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        // C1 only and the serial collector: these JVMs live seconds to a minute, and on a loaded 2-core machine
        // C2's compiler threads and the parallel GC's workers roughly doubled the CPU a start took (about 10 s → 5 s
        // until healthy); what the app does is unchanged
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", classpath, PerpflowApplication.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("PERPFLOW_") || k.equals("CAMEL_MAIN_PROFILE"));
        env.put("CAMEL_MAIN_PROFILE", "test");
        env.put("PERPFLOW_DATA_DIR", dataDir.toString());
        env.put("PERPFLOW_HTTP_PORT", String.valueOf(port));
        env.put("PERPFLOW_ROUTES_DIR", System.getProperty("perpflow.routes-dir", "../routes"));
        // the event feed on an ephemeral port: apps of other profiles (paper, live) run side by side in the suite
        env.put("PERPFLOW_WS_PORT", "0");
        env.putAll(new HashMap<>(extraEnv));
        Path output = Files.createTempFile("perpflow-app-", ".out");
        builder.redirectErrorStream(true).redirectOutput(output.toFile());
        return new AppProcess(builder.start(), output, port);
    }

    /** Waits for the process to exit by itself; returns its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not exit within " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Waits until /api/v1/health reports every active venue healthy. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        awaitHealth(timeout, "\"status\":\"healthy\"");
    }

    /** Waits until /api/v1/health answers 200 with a body containing {@code expected}. */
    void awaitHealth(Duration timeout, String expected) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + "; output:\n" + output());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().contains(expected)) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app was not healthy within " + timeout + " (last: " + last + "); output:\n"
                + output());
    }

    /** Kills the process at once (SIGKILL): a crash, nothing shut down cleanly. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGINT, as Ctrl+C in a terminal does. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<output unreadable: " + e + ">";
        }
    }

    /** Stops the app the way the OS does on shutdown (SIGTERM → graceful stop) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
