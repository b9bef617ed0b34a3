package dev.perpflow.app.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The strategy runtime through the REST API: saved configs, runs started from them under the safety limits (a
 * second start inside the cooldown answers 429), per-run logs only for the owner, a crashing run ending in
 * {@code error} with its reason and a notification while the others go on.
 */
class StrategyRuntimeInTheAppTest extends AppTestSupport {

    private static final String ADMIN = "runtime-bootstrap-key-0123456789ab";

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.api-key", ADMIN);
        properties.setProperty("perpflow.grid.tick-millis", "200");
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        return properties;
    }

    @Test
    void usersSaveConfigsAndStartRunsWithinTheLimitsAndSeeOnlyTheirOwn() throws Exception {
        DataSource ds = dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository users = new UserRepository(ds, clock);
        UserRepository.User dave = users.create("dave", false);
        UserRepository.User erin = users.create("erin", false);
        String daveKey = new ApiKeyRepository(ds, audit, clock).create(dave, "t", null, "t").key();
        String erinKey = new ApiKeyRepository(ds, audit, clock).create(erin, "t", null, "t").key();
        new AccountRepository(ds, audit, clock).create(dave, "main", null, "t");

        JsonNode bad = call("POST", "/api/v1/configs", "name: broken\nstrategy: funding_arbitrage\nconfig:\n"
                + "  scan_exchanges: [sim-a]\n  min_profit_rate: lots\n", daveKey, 400);
        assertThat(bad.toString()).contains("min_profit_rate");
        JsonNode saved = call("POST", "/api/v1/configs", "name: quiet\nstrategy: funding_arbitrage\nconfig:\n"
                + "  scan_exchanges: [sim-a, sim-b]\n  exclude_symbols: [ETH, BTC, SOL, BONK, 2Z, Z]\n", daveKey, 201);
        long configId = saved.get("id").asLong();
        assertThat(call("GET", "/api/v1/configs", null, daveKey, 200).toString()).contains("quiet");
        assertThat(call("GET", "/api/v1/configs", null, erinKey, 200).get("count").asInt()).isZero();

        JsonNode run = call("POST", "/api/v1/configs/" + configId + "/run?account=main", null, daveKey, 201);
        String runId = run.get("id").asText();
        assertThat(run.get("account_name").asText()).isEqualTo("dave/main");
        assertThat(run.get("status").asText()).isEqualTo("running");
        JsonNode refused = call("POST", "/api/v1/configs/" + configId + "/run?account=main", null, daveKey, 429);
        assertThat(refused.get("detail").asText()).contains("min apart");
        assertThat(call("GET", "/api/v1/limits", null, daveKey, 200).get("running_of_user").asInt()).isEqualTo(1);

        call("GET", "/api/v1/strategies/" + runId + "/logs", null, daveKey, 200);
        call("GET", "/api/v1/strategies/" + runId + "/logs", null, erinKey, 403);
        call("POST", "/api/v1/strategies/" + runId + "/stop", null, erinKey, 403);
        assertThat(call("GET", "/api/v1/strategies?status=running", null, erinKey, 200).get("count").asInt()).isZero();
        assertThat(call("POST", "/api/v1/strategies/" + runId + "/stop", null, daveKey, 200).get("status").asText())
                .isEqualTo("stopped");
        assertThat(audit.recent(50)).extracting(AuditLog.Entry::action).contains("strategy_started",
                "strategy_stopped", "strategy_created");
    }

    @Test
    void aRunWhoseTicksKeepFailingEndsInErrorWithItsReasonWhileTheOthersGoOn() throws Exception {
        call("POST", "/api/v1/strategies", "id: doomed-grid\nstrategy: grid\nconfig:\n  exchange: sim-a\n"
                + "  ticker: ETH\n  direction: buy\n  order_notional_usd: 200\n  target_leverage: 10\n"
                + "  take_profit: 0.5\n  max_orders: 2\n  max_margin_usd: 200\n", ADMIN, 201);
        call("POST", "/api/v1/strategies", "id: healthy-arb\nstrategy: funding_arbitrage\nconfig:\n"
                + "  scan_exchanges: [sim-b, sim-c]\n  exclude_symbols: [ETH, BTC, SOL, BONK, 2Z, Z]\n", ADMIN, 201);
        call("POST", "/api/v1/strategies/doomed-grid/start", null, ADMIN, 200);
        call("POST", "/api/v1/strategies/healthy-arb/start", null, ADMIN, 200);
        // /status lists the running runs of every strategy
        assertThat(call("GET", "/api/v1/status", null, ADMIN, 200).get("running_strategies"))
                .extracting(JsonNode::asText).contains("doomed-grid", "healthy-arb");
        VenueRegistry venues = context.getRegistry().lookupByNameAndType("venueRegistry", VenueRegistry.class);
        SimExchangeClient simA = (SimExchangeClient) venues.client("sim-a").orElseThrow();

        simA.faults().failNextRequests(1_000_000);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode runs = call("GET", "/api/v1/strategies?status=all", null, ADMIN, 200);
                JsonNode doomed = find(runs, "doomed-grid");
                assertThat(doomed.get("status").asText()).isEqualTo("error");
                assertThat(doomed.get("error_message").asText()).contains("5 ticks in a row failed");
                assertThat(find(runs, "healthy-arb").get("status").asText()).isEqualTo("running");
            });
        } finally {
            simA.faults().clear();
        }
        // the run_error event reaches the notification outbox through the events relay, once
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (var c = dataSource().getConnection(); var ps = c.prepareStatement(
                    "SELECT count(*) FROM strategy_notifications WHERE notification_type = 'run_error' "
                            + "AND strategy_run_id = 'doomed-grid'"); var rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        });
    }

    @Test
    void stoppingAStoppedRunSaysSoAndChangesNothing() throws Exception {
        call("POST", "/api/v1/strategies", "id: twice-stopped\nstrategy: funding_arbitrage\nconfig:\n"
                + "  scan_exchanges: [sim-a, sim-b]\n  exclude_symbols: [ETH, BTC, SOL, BONK, 2Z, Z]\n", ADMIN, 201);
        call("POST", "/api/v1/strategies/twice-stopped/start", null, ADMIN, 200);

        JsonNode first = call("POST", "/api/v1/strategies/twice-stopped/stop", null, ADMIN, 200);
        JsonNode second = call("POST", "/api/v1/strategies/twice-stopped/stop", null, ADMIN, 200);

        assertThat(first.get("status").asText()).isEqualTo("stopped");
        assertThat(first.get("already_stopped").asBoolean()).isFalse();
        assertThat(second.get("status").asText()).isEqualTo("stopped");
        assertThat(second.get("already_stopped").asBoolean()).isTrue();
        assertThat(second.get("detail").asText()).contains("was already stopped");
        try (var c = dataSource().getConnection(); var ps = c.prepareStatement(
                "SELECT count(*) FROM audit_log WHERE action = 'strategy_stopped' AND subject = 'twice-stopped'");
                var rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).as("one stop audited, the second changed nothing").isEqualTo(1);
        }
    }

    @Test
    void aFundingArbitrageRunHasItsStatusAndEventsLikeAGrid() throws Exception {
        call("POST", "/api/v1/strategies", "id: arb-with-events\nstrategy: funding_arbitrage\nconfig:\n"
                + "  scan_exchanges: [sim-a, sim-c]\n", ADMIN, 201);
        StrategyRunRepository runs = new StrategyRunRepository(dataSource(), "funding_arbitrage");
        runs.appendEvent("arb-with-events", java.time.Instant.now(), "scan", "INFO", null, "scanned 3 symbols",
                java.util.Map.of("symbols", 3));

        JsonNode status = call("GET", "/api/v1/strategies/arb-with-events", null, ADMIN, 200);
        JsonNode events = call("GET", "/api/v1/strategies/arb-with-events/events", null, ADMIN, 200);

        assertThat(status.get("strategy").asText()).isEqualTo("funding_arbitrage");
        assertThat(status.get("status").asText()).isEqualTo("stopped");
        assertThat(events.get("count").asInt()).isEqualTo(1);
        assertThat(events.get("events").get(0).get("message").asText()).isEqualTo("scanned 3 symbols");
        assertThat(events.get("events").get(0).get("details").get("symbols").asInt()).isEqualTo(3);
        call("GET", "/api/v1/strategies/no-such-run/events", null, ADMIN, 404);
    }

    private static JsonNode find(JsonNode runs, String id) {
        for (JsonNode run : runs.get("strategies")) {
            if (run.get("id").asText().equals(id)) {
                return run;
            }
        }
        throw new AssertionError("no run " + id + " in " + runs);
    }

    private JsonNode call(String method, String path, String body, String key, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
