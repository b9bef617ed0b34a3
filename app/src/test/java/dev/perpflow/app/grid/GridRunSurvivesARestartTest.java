package dev.perpflow.app.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.AppProcessAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app is stopped while its grid waits for an entry fill and started again on the same data dir: the run
 * resumes from its stored state (the pending entry is found missing at the fresh simulated venue and replaced),
 * and its earlier events are still there.
 */
class GridRunSurvivesARestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    /** The JSON answer, or {@code null} while the app is not up or answers anything but 200. */
    private static JsonNode get(int port, String path) throws Exception {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", "grid-restart-bootstrap-key-0123456").build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static JsonNode awaitStatus(int port, java.util.function.Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = get(port, "/api/v1/strategies/dev-grid");
            if (status != null && condition.test(status)) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("grid status condition not met within 60 s");
    }

    @Test
    void theGridResumesFromItsStoredState() throws Exception {
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        Map<String, String> env = Map.of("PERPFLOW_GRID_DEV_RUN", root.resolve("configs/dev/grid-sim-a.yaml").toString(),
                "PERPFLOW_GRID_TICK_MILLIS", "200", "PERPFLOW_API_KEY", "grid-restart-bootstrap-key-0123456");
        int port = AppProcessAccess.freePort();
        String firstEntryTime;
        try (AutoCloseable first = AppProcessAccess.start(dataDir, port, env)) {
            firstEntryTime = awaitStatus(port, s -> !s.get("last_order_time").isNull()).get("last_order_time").asText();
        }
        try (AutoCloseable second = AppProcessAccess.start(dataDir, port, env)) {
            JsonNode status = awaitStatus(port, s -> "running".equals(s.get("status").asText()));
            assertThat(status.get("strategy").asText()).isEqualTo("grid");
            JsonNode events = null;
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                events = get(port, "/api/v1/strategies/dev-grid/events");
                if (events != null && events.get("events").findValuesAsText("type").contains("entry_order_missing")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(events).isNotNull();
            assertThat(events.get("events").findValuesAsText("type")).as("the stored pending entry was reconciled")
                    .contains("entry_order_missing");
            JsonNode after = awaitStatus(port, s -> !s.get("last_order_time").isNull()
                    && Duration.between(Instant.parse(firstEntryTime), Instant.parse(s.get("last_order_time").asText()))
                            .compareTo(Duration.ZERO) > 0);
            assertThat(after.get("last_order_time").asText()).isNotEqualTo(firstEntryTime);
        }
    }
}
