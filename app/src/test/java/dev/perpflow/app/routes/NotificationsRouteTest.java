package dev.perpflow.app.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.events.EventMessages;
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

/**
 * The {@code notifications} route of routes/notifications.camel.yaml on its own, fed by the events relay (its
 * database poll replaced by direct:events-relay): what every owner wants to know and a grid's warnings reach the
 * notification outbox; routine events and a grid's tick errors do not.
 */
class NotificationsRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stands in for the notification outbox: the events the route hands it. */
    public static final class RecordingOutbox {

        final List<String> types = new CopyOnWriteArrayList<>();

        public boolean enqueue(String eventJson) throws Exception {
            types.add(JSON.readTree(eventJson).get("type").asText());
            return true;
        }
    }

    private final RecordingOutbox outbox = new RecordingOutbox();
    private YamlRoutes routes;

    @BeforeEach
    void start() throws Exception {
        routes = new YamlRoutes(Map.of("eventMessages", new EventMessages(), "notificationOutbox", outbox),
                Map.of("perpflow.events.relay-delay-millis", "250", "perpflow.telegram.enabled", "false"),
                "events.camel.yaml", "notifications.camel.yaml")
                .replaceFrom("events-relay").without("telegram-notifications").start();
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void whatOwnersWantToKnowReachesTheOutboxAndRoutineEventsDoNot() throws Exception {
        relay(1, "order_filled", "info", "{\"strategy\":\"funding_arbitrage\"}");
        relay(2, "position_closed", "info", "{\"strategy\":\"funding_arbitrage\",\"symbol\":\"BTC\"}");
        relay(3, "entry_failed", "warning", "{\"strategy\":\"funding_arbitrage\",\"symbol\":\"ETH\"}");
        relay(4, "halt", "warning", "{}");
        relay(5, "naked_leg", "error", "{\"strategy\":\"funding_arbitrage\",\"symbol\":\"SOL\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.types.size() >= 3);
        Thread.sleep(300); // the others had their chance
        assertThat(outbox.types).containsExactly("position_closed", "halt", "naked_leg");
    }

    @Test
    void aGridsWarningsAreNotifiedButItsTickErrorsOnlyLogged() throws Exception {
        relay(1, "margin_cap_hit", "warning", "{\"strategy\":\"grid\"}");
        relay(2, "tick_error", "error", "{\"strategy\":\"grid\"}");
        relay(3, "position_tracked", "info", "{\"strategy\":\"grid\"}");
        relay(4, "stop_loss", "error", "{\"strategy\":\"grid\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.types.size() >= 2);
        Thread.sleep(300);
        assertThat(outbox.types).containsExactly("margin_cap_hit", "stop_loss");
    }

    private void relay(long id, String type, String level, String payload) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("event_type", type);
        row.put("level", level);
        row.put("occurred_at", Timestamp.from(Instant.parse("2026-12-04T12:00:00Z").plusSeconds(id)));
        row.put("account", "default");
        row.put("run_id", "run-1");
        row.put("payload", payload);
        routes.send("events-relay", row, Map.of());
    }
}
