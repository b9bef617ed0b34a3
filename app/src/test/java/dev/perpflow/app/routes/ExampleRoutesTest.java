package dev.perpflow.app.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.perpflow.app.events.EventMessages;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two examples in routes/examples/ consume events as the relay publishes them (routes/events.camel.yaml, its
 * database poll replaced by direct:events-relay fed with domain_events rows): warnings and errors POSTed to a
 * webhook, closed positions appended to a CSV file.
 */
class ExampleRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private HttpServer webhook;
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private YamlRoutes routes;

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            posted.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        routes = new YamlRoutes(Map.of("eventMessages", new EventMessages()), Map.of(
                "perpflow.events.relay-delay-millis", "250",
                "perpflow.data-dir", dataDir.toString(),
                "perpflow.examples.webhook-url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"),
                "events.camel.yaml", "examples/events-to-webhook.camel.yaml",
                "examples/closed-positions-to-csv.camel.yaml")
                .replaceFrom("events-relay").start();
    }

    @AfterEach
    void stop() {
        routes.close();
        webhook.stop(0);
    }

    @Test
    void warningsAndErrorsArePostedToTheWebhookAndInfoIsNot() throws Exception {
        relay(1, "order_filled", "info", "default", null, "{\"client_order_id\":\"c-1\"}");
        relay(2, "naked_leg", "error", "default", "arb-1", "{\"strategy\":\"funding_arbitrage\",\"symbol\":\"BTC\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> !posted.isEmpty());
        Thread.sleep(300); // the info event had its chance
        assertThat(posted).singleElement().satisfies(post -> {
            assertThat(post).startsWith("application/json ");
            JsonNode event = JSON.readTree(post.substring("application/json ".length()));
            assertThat(event.get("type").asText()).isEqualTo("naked_leg");
            assertThat(event.get("run").asText()).isEqualTo("arb-1");
            assertThat(event.get("payload").get("symbol").asText()).isEqualTo("BTC");
        });
    }

    @Test
    void closedPositionsAreAppendedToTheCsvFileOneLineEach() throws Exception {
        relay(3, "position_closed", "info", "ann/main", "arb-2", "{\"strategy\":\"funding_arbitrage\","
                + "\"symbol\":\"ETH\",\"details\":{\"reason\":\"max_age\",\"pnl_usd\":\"12.5\","
                + "\"pnl_complete\":true,\"size_usd\":\"1000\"}}");
        relay(4, "position_opened", "info", "ann/main", "arb-2", "{\"strategy\":\"funding_arbitrage\"}");
        relay(5, "position_closed", "info", "default", "arb-3", "{\"strategy\":\"funding_arbitrage\","
                + "\"symbol\":\"SOL\",\"details\":{\"reason\":\"manual_close\",\"pnl_usd\":\"-1.25\","
                + "\"pnl_complete\":false,\"size_usd\":\"200\"}}");

        Path csv = dataDir.resolve("closed-positions.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(csv)
                && Files.readAllLines(csv).size() == 2);
        assertThat(Files.readAllLines(csv)).containsExactly(
                "2026-12-04T12:00:03Z,arb-2,ann/main,ETH,max_age,12.5,true,1000",
                "2026-12-04T12:00:05Z,arb-3,default,SOL,manual_close,-1.25,false,200");
    }

    /** One domain_events row as the relay's SQL poll reads it. */
    private void relay(long id, String type, String level, String account, String run, String payload) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("event_type", type);
        row.put("level", level);
        row.put("occurred_at", Timestamp.from(Instant.parse("2026-12-04T12:00:00Z").plusSeconds(id)));
        row.put("account", account);
        row.put("run_id", run);
        row.put("payload", payload);
        routes.send("events-relay", row, Map.of());
    }
}
