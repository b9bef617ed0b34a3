package dev.perpflow.app.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.AppProcessAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch with the database frozen (its processes suspended, as a hung host would leave them): HALT answers
 * at once, the grid's working orders are cancelled, and a restart in between (the database back) is still halted.
 * Failed before: the halt wrote its audit and notification rows first, so it answered 500 and halted nothing.
 */
class HaltWithoutTheDatabaseTest {

    private static final String KEY = "halt-without-database-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void haltWorksWhileTheDatabaseIsFrozenAndHoldsAcrossARestart() throws Exception {
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        Map<String, String> env = Map.of("PERPFLOW_GRID_DEV_RUN", root.resolve("configs/dev/grid-sim-a.yaml").toString(),
                "PERPFLOW_GRID_TICK_MILLIS", "200", "PERPFLOW_API_KEY", KEY);
        int port = AppProcessAccess.freePort();
        long postmaster;
        AutoCloseable first = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode grid = call(port, "GET", "/api/v1/strategies/dev-grid");
                return grid != null && grid.path("cycle_state").asText().equals("waiting_for_fill");
            });
            postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
            signalGroup("STOP", postmaster);

            long started = System.nanoTime();
            JsonNode halt = call(port, "POST", "/api/v1/halt");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(halt).as("POST /halt answered").isNotNull();
            assertThat(halt.get("trading_state").asText()).isEqualTo("HALTED");
            assertThat(halt.get("cancelled_orders").toString()).as("the grid's resting entry").contains("dev-grid");
            assertThat(millis).as("answered without waiting for the database").isLessThan(5_000);
            assertThat(Files.readString(dataDir.resolve("trading-states.json"))).contains("HALTED");
            AppProcessAccess.kill(first);
        } finally {
            first.close();
        }
        signalGroup("CONT", postmaster);

        try (AutoCloseable second = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
            assertThat(call(port, "GET", "/api/v1/status").get("trading_state").asText()).isEqualTo("HALTED");
            assertThat(call(port, "POST", "/api/v1/resume").get("trading_state").asText()).isEqualTo("ACTIVE");
        }
    }

    /** Sends a signal to the embedded PostgreSQL's process group (the postmaster leads it). */
    private static void signalGroup(String signal, long postmaster) throws Exception {
        long group = ProcessHandle.of(postmaster).isPresent() ? pgid(postmaster) : postmaster;
        Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + group).redirectErrorStream(true).start();
        assertThat(kill.waitFor()).as("kill -" + signal + " -" + group + ": "
                + new String(kill.getInputStream().readAllBytes())).isZero();
    }

    private static long pgid(long pid) throws Exception {
        Process ps = new ProcessBuilder("ps", "-o", "pgid=", "-p", String.valueOf(pid)).start();
        String out = new String(ps.getInputStream().readAllBytes()).strip();
        ps.waitFor();
        return Long.parseLong(out);
    }

    /** The JSON answer of a 200, else {@code null}. */
    private static JsonNode call(int port, String method, String path) throws Exception {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                    .header("X-API-Key", KEY).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
