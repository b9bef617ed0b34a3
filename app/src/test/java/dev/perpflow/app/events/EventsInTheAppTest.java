package dev.perpflow.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.execution.ExecutionCore;
import dev.perpflow.app.strategy.StrategyRunRepository;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Domain events go from the outbox to seda:perpflow-events as documented in docs/EVENTS.md: written with the
 * change, published at least once, to every consumer, with the JSON shape and headers routes filter on.
 */
class EventsInTheAppTest extends AppTestSupport {

    /** What a consumer route saw: the body and the headers. */
    record Seen(JsonNode event, Map<String, Object> headers) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> failingConsumerCalls = new ConcurrentHashMap<>();

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.events.relay-delay-millis", "100");
        return properties;
    }

    private boolean consumersAdded;

    @BeforeEach
    void consumers() throws Exception {
        // the context exists from the first @BeforeEach on (CamelMainTestSupport creates it there)
        if (consumersAdded) {
            return;
        }
        consumersAdded = true;
        // a lambda builder: Camel Main's package scan would find a RouteBuilder class and try to make one
        RouteBuilder.addRoutes(context, routes -> {
                routes.from(EventMessages.ENDPOINT).routeId("test-collector").process(exchange -> seen.add(new Seen(
                        JSON.readTree(exchange.getMessage().getBody(String.class)),
                        new java.util.HashMap<>(exchange.getMessage().getHeaders()))));
                // a consumer that fails on every event: logged by event-consumers, the others unaffected
                routes.from(EventMessages.ENDPOINT).routeId("test-failing").routeConfigurationId("event-consumers")
                        .process(exchange -> {
                            failingConsumerCalls.computeIfAbsent(exchange.getMessage().getHeader(EventMessages.ID,
                                    Long.class), id -> new AtomicInteger()).incrementAndGet();
                            throw new IllegalStateException("this consumer always fails");
                        });
        });
    }

    @Test
    void anOrderPublishesItsSubmittedFillAndFilledEventsInTheDocumentedShape() throws Exception {
        String id = submitMarketBuy("evt-shape-1");

        List<Seen> events = awaitEvents(id, 3);
        assertThat(events).extracting(s -> s.event().get("type").asText())
                .contains("order_submitted", "order_fill", "order_filled");
        Seen submitted = events.stream().filter(s -> s.event().get("type").asText().equals("order_submitted"))
                .findFirst().orElseThrow();
        JsonNode event = submitted.event();
        assertThat(event.fieldNames()).toIterable()
                .containsExactly("id", "type", "level", "time", "account", "run", "payload");
        assertThat(event.get("level").asText()).isEqualTo("info");
        assertThat(event.get("account").asText()).isEqualTo("default");
        assertThat(event.get("run").isNull()).isTrue();
        assertThat(Instant.parse(event.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(event.get("payload").get("venue").asText()).isEqualTo("sim-a");
        assertThat(event.get("payload").get("side").asText()).isEqualTo("BUY");
        assertThat(new BigDecimal(event.get("payload").get("quantity").asText())).isEqualByComparingTo("0.01");
        assertThat(submitted.headers()).containsEntry(EventMessages.TYPE, "order_submitted")
                .containsEntry(EventMessages.LEVEL, "info").containsEntry(EventMessages.ACCOUNT, "default")
                .containsEntry(EventMessages.ID, event.get("id").asLong());
        Seen fill = events.stream().filter(s -> s.event().get("type").asText().equals("order_fill")).findFirst()
                .orElseThrow();
        assertThat(fill.event().get("payload").get("trade_id").asText()).isNotBlank();
        assertThat(new BigDecimal(fill.event().get("payload").get("price").asText())).isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> count("SELECT count(*) FROM domain_events WHERE "
                + "payload->>'client_order_id' = ? AND published_at IS NULL", id) == 0);
    }

    @Test
    void eventsStoredWhileTheRelayIsDownArePublishedOnceItRunsAgain() throws Exception {
        context.getRouteController().stopRoute("events-relay");
        try {
            String id = submitMarketBuy("evt-relay-down-1");
            await().atMost(Duration.ofSeconds(5)).until(() -> count("SELECT count(*) FROM domain_events WHERE "
                    + "payload->>'client_order_id' = ? AND event_type = 'order_filled'", id) == 1);
            Thread.sleep(500);
            assertThat(eventsOf(id)).isEmpty();
            assertThat(count("SELECT count(*) FROM domain_events WHERE payload->>'client_order_id' = ? "
                    + "AND published_at IS NULL", id)).isGreaterThanOrEqualTo(3);
        } finally {
            context.getRouteController().startRoute("events-relay");
        }
        String id = "evt-relay-down-1";
        List<Seen> events = awaitEvents(id, 3);
        // each stored event exactly once
        assertThat(events).extracting(s -> s.event().get("id").asLong()).doesNotHaveDuplicates();
        assertThat(events).hasSize((int) count("SELECT count(*) FROM domain_events WHERE "
                + "payload->>'client_order_id' = ?", id));
    }

    @Test
    void aFailingConsumerNeitherHoldsUpTheOthersNorHasTheEventPublishedAgain() throws Exception {
        String id = submitMarketBuy("evt-failing-1");
        List<Seen> events = awaitEvents(id, 3);
        Thread.sleep(1000); // a few more relay rounds: nothing is published again
        for (Seen event : events) {
            assertThat(failingConsumerCalls.get(event.event().get("id").asLong())).as(event.event().toString())
                    .hasValue(1);
        }
        assertThat(eventsOf(id)).hasSameSizeAs(events);
    }

    @Test
    void aRunPublishesAnEventWhenItsStatusChangesAndNotWhenItStaysTheSame() throws Exception {
        StrategyRunRepository runs = new StrategyRunRepository(dataSource(), "grid");
        Instant now = Instant.now();
        runs.upsertRun("evt-run-1", "sim-a", Map.of("ticker", "ETH"), now);
        runs.markStatus("evt-run-1", "error", "venue gone", now.plusSeconds(1));
        runs.markStatus("evt-run-1", "error", "venue gone", now.plusSeconds(2));
        runs.appendEvent("evt-run-1", now.plusSeconds(3), "stop_loss_initiated", "WARNING", null, "stop loss", Map.of());

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream()
                .filter(s -> "evt-run-1".equals(s.event().path("run").asText(null))).count() >= 3);
        Thread.sleep(300);
        List<Seen> ofRun = seen.stream().filter(s -> "evt-run-1".equals(s.event().path("run").asText(null))).toList();
        assertThat(ofRun).extracting(s -> s.event().get("type").asText())
                .containsExactly("run_started", "run_error", "stop_loss_initiated");
        Seen error = ofRun.get(1);
        assertThat(error.event().get("level").asText()).isEqualTo("error");
        assertThat(error.event().get("account").asText()).isEqualTo("default");
        assertThat(error.event().get("payload").get("error").asText()).isEqualTo("venue gone");
        assertThat(error.event().get("payload").get("message").asText()).contains("stopped with an error: venue gone");
        assertThat(ofRun.get(2).headers()).containsEntry(EventMessages.STRATEGY, "grid")
                .containsEntry(EventMessages.LEVEL, "warning").containsEntry(EventMessages.RUN, "evt-run-1");
    }

    private String submitMarketBuy(String clientOrderId) throws Exception {
        ExecutionCore core = context.getRegistry().lookupByNameAndType("executionCore", ExecutionCore.class);
        core.gateway().submit(new OrderIntent("sim-a", OrderRequest.market(clientOrderId, "ETH", Side.BUY,
                new BigDecimal("0.01"), false), "test", new BigDecimal("3000"), BigDecimal.ONE)).get(5, TimeUnit.SECONDS);
        return clientOrderId;
    }

    private List<Seen> eventsOf(String clientOrderId) {
        return seen.stream().filter(s -> clientOrderId.equals(s.event().path("payload").path("client_order_id")
                .asText(null))).toList();
    }

    private List<Seen> awaitEvents(String clientOrderId, int atLeast) {
        await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(clientOrderId).size() >= atLeast);
        return eventsOf(clientOrderId);
    }

    private long count(String sql, Object... parameters) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
