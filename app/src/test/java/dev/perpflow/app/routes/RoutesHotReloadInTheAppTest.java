package dev.perpflow.app.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.execution.ExecutionCore;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The app as {@code mvn camel:dev} runs it (routes reloaded from the routes directory, only the changed file's
 * routes replaced): editing a YAML route changes what runs within seconds, without a restart, for the notification
 * filter, the funding round and a strategy's tick, and the routes a template made for running runs survive the
 * reload of their file. Works on a copy of {@code routes/}.
 */
class RoutesHotReloadInTheAppTest extends AppTestSupport {

    private static final String ADMIN = "reload-bootstrap-key-0123456789abc";

    private Path routes;
    private final AtomicInteger orders = new AtomicInteger();

    private Path routes() {
        if (routes == null) {
            try {
                routes = Files.createTempDirectory("perpflow-routes-");
                try (Stream<Path> files = Files.list(YamlRoutes.ROUTES)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).toList()) {
                        Files.copy(file, routes.resolve(file.getFileName()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return routes;
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.api-key", ADMIN);
        properties.setProperty("perpflow.routes-dir", routes().toString());
        properties.setProperty("perpflow.events.relay-delay-millis", "100");
        properties.setProperty("perpflow.grid.tick-millis", "200");
        // what application-dev.properties and camel:dev set
        properties.setProperty("camel.main.routes-reload-enabled", "true");
        properties.setProperty("camel.main.routes-reload-directory", routes().toString());
        properties.setProperty("camel.main.routes-reload-pattern", "*.camel.yaml");
        properties.setProperty("camel.main.routes-reload-remove-all-routes", "false");
        return properties;
    }

    @Test
    void anEditedNotificationFilterPicksTheNewEventTypesWithoutARestart() throws Exception {
        String before = submitMarketBuy();
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM domain_events WHERE "
                + "event_type = 'order_filled' AND payload->>'client_order_id' = ? AND published_at IS NOT NULL",
                before) == 1);
        assertThat(count("SELECT count(*) FROM strategy_notifications WHERE notification_type = 'order_filled'"))
                .as("order_filled is not in the shipped filter").isZero();

        edit("notifications.camel.yaml", "in 'position_opened,", "in 'order_filled,position_opened,");
        // a consumer of seda:perpflow-events is replaced once the shared queue is drained (docs/EVENTS.md); orders
        // filled from then on are told
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            submitMarketBuy();
            assertThat(count("SELECT count(*) FROM strategy_notifications WHERE notification_type = 'order_filled'"))
                    .isPositive();
        });
    }

    @Test
    void anEditedFundingRoundRouteChangesWhatIsStoredWithoutARestart() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> roundsSince(0, "sim-c") > 0 && roundsSince(0, "sim-a") > 0);

        // the user's edit: rounds of sim-c are not stored any more
        edit("funding-round.camel.yaml", """
                      steps:
                        - bean:
                            ref: fundingStore
                """, """
                      steps:
                        - filter:
                            simple: "${body.venue} == 'sim-c'"
                            steps:
                              - stop: {}
                        - bean:
                            ref: fundingStore
                """);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            long mark = lastEventId();
            Thread.sleep(2_500); // a few rounds (perpflow.funding.poll-seconds = 1 on the test profile)
            assertThat(roundsSince(mark, "sim-a")).as("sim-a rounds still stored").isPositive();
            assertThat(roundsSince(mark, "sim-c")).as("sim-c rounds since the edit").isZero();
        });
    }

    @Test
    void anEditedGridTickRunsForARunningGridWhoseRouteSurvivesTheReload() throws Exception {
        call("POST", "/api/v1/strategies", "id: reload-grid\nstrategy: grid\nconfig:\n  exchange: sim-a\n"
                + "  ticker: ETH\n  direction: buy\n  order_notional_usd: 200\n  target_leverage: 10\n"
                + "  take_profit: 0.5\n  max_orders: 2\n  max_margin_usd: 200\n", 201);
        call("POST", "/api/v1/strategies/reload-grid/start", null, 200);
        ConsumerTemplate probe = context.createConsumerTemplate();
        assertThat(probe.receive("seda:reload-probe", 500)).as("no probe before the edit").isNull();

        // the user's edit: every tick also goes to a queue of their own
        edit("grid-run.camel.yaml", """
                      uri: direct:grid-tick
                      steps:
                        - bean:
                """, """
                      uri: direct:grid-tick
                      steps:
                        - to: seda:reload-probe
                        - bean:
                """);

        Exchange tick = probe.receive("seda:reload-probe", 30_000);
        assertThat(tick).as("a tick through the edited grid-tick route").isNotNull();
        assertThat(tick.getMessage().getHeader("PerpRunId", String.class)).isEqualTo("reload-grid");
        // the run's own timer route, made from the template in the same file, still ticks after the reload
        while (probe.receiveNoWait("seda:reload-probe") != null) {
            // what queued up since
        }
        assertThat(probe.receive("seda:reload-probe", 5_000)).isNotNull();
        assertThat(call("GET", "/api/v1/strategies/reload-grid", null, 200).toString()).contains("\"running\"");
        call("POST", "/api/v1/strategies/reload-grid/stop", null, 200);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = routes().resolve(file);
        String yaml = Files.readString(path);
        assertThat(yaml).as(file + " has the text the edit replaces").contains(from);
        // as an editor saves: the whole new file at once (the watcher must not read a half-written one)
        Path saved = Files.createTempFile(routes(), "edit-", ".tmp");
        Files.writeString(saved, yaml.replace(from, to));
        Files.move(saved, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private String submitMarketBuy() throws Exception {
        String id = "reload-" + orders.incrementAndGet();
        ExecutionCore core = context.getRegistry().lookupByNameAndType("executionCore", ExecutionCore.class);
        core.gateway().submit(new OrderIntent("sim-a", OrderRequest.market(id, "ETH", Side.BUY,
                new BigDecimal("0.01"), false), "test", new BigDecimal("3000"), BigDecimal.ONE)).get(5, TimeUnit.SECONDS);
        return id;
    }

    private long roundsSince(long eventId, String venue) throws Exception {
        return count("SELECT count(*) FROM domain_events WHERE event_type = 'funding_round_stored' AND id > ? "
                + "AND payload->>'venue' = ?", eventId, venue);
    }

    private long lastEventId() throws Exception {
        return count("SELECT coalesce(max(id), 0) FROM domain_events");
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

    private com.fasterxml.jackson.databind.JsonNode call(String method, String path, String body, int expected)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
