package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.AppProcessAccess;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.lighter.signer.LighterKey;
import dev.perpflow.lighter.signer.Scalar;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeServerFaults;
import dev.perpflow.testkit.lighter.FakeLighter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as a user runs it, with Lighter's credentials in the environment under the seed's names
 * ({@code API_KEY_PRIVATE_KEY}, {@code LIGHTER_ACCOUNT_INDEX}, {@code LIGHTER_API_KEY_INDEX}) and the fake Lighter in
 * maintenance when it starts (HTTP 503 on {@code nextNonce}): the app starts anyway with Lighter marked down, and once
 * the venue is back each of the four grid presets of configs/grid places its entry on Lighter (orders the fake accepts
 * only with a valid Schnorr signature of the account's key), then a funding-arbitrage run with
 * {@code mandatory_exchange: lighter} opens a position with a Lighter leg and closes it.
 */
class LighterDefaultAccountTradesInTheAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "lighter-process-bootstrap-key-0123";
    private static final LighterKey LIGHTER_KEY = LighterKey.of(Scalar.ofLimbs(3, 1, 4, 1, 5));
    private static final Path GRID_PRESETS = Path.of(System.getProperty("perpflow.routes-dir", "../routes"))
            .getParent().resolve("configs/grid");

    @TempDir
    Path dataDir;

    @Test
    void maintenanceAtStartupThenTheGridPresetsAndAFundingArbitrageRunTradeOnLighter() throws Exception {
        SimExchangeClient sim = SimExchangeClient.manual(FakeLighter.defaultConfig("lighter-sim", 61)
                .withFundingBias(new BigDecimal("-0.003")), new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        try (FakeLighter lighter = new FakeLighter(sim, 281, 3, LIGHTER_KEY.publicKey()).start()) {
            lighter.server().faults().answerNext(3, FakeServerFaults.on("GET", "/api/v1/nextNonce"),
                    FakeResponse.json(503, "<html>503 Service Temporarily Unavailable</html>"));
            int port = AppProcessAccess.freePort();
            Map<String, String> env = Map.ofEntries(Map.entry("PERPFLOW_API_KEY", KEY),
                    Map.entry("PERPFLOW_VENUES_LIGHTER_ENABLED", "true"),
                    Map.entry("PERPFLOW_VENUES_LIGHTER_REST_URL", lighter.baseUrl().toString()),
                    Map.entry("PERPFLOW_VENUES_LIGHTER_WS_URL", lighter.wsUrl().toString()),
                    Map.entry("PERPFLOW_VENUES_LIGHTER_REQUESTS_PER_MINUTE", "100000"),
                    Map.entry("PERPFLOW_GRID_TICK_MILLIS", "300"),
                    Map.entry("PERPFLOW_FUNDING_ARB_TICK_MILLIS", "300"),
                    Map.entry("API_KEY_PRIVATE_KEY", LIGHTER_KEY.privateKeyHex()),
                    Map.entry("LIGHTER_ACCOUNT_INDEX", "281"), Map.entry("LIGHTER_API_KEY_INDEX", "3"));
            try (AutoCloseable app = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> AppProcessAccess.output(app)
                            .contains("marked down"));
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                            get(port, "/api/v1/funding-rates/lighter").toString()).contains("BTC"));
                    // the nonce fetch is retried with backoff (1 s, 2 s, 4 s): the fourth one gets through
                    await().atMost(Duration.ofSeconds(30)).until(() -> AppProcessAccess.output(app)
                            .contains("the venue is up again"));
                    // every client of the app holding the key (more than one) has its nonce once none asks again
                    // for longer than the longest backoff after three failures (4 s) and a slow answer
                    long[] asked = {-1};
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(10)).until(() -> {
                        long now = lighter.server().requests().stream()
                                .filter(r -> r.path().equals("/api/v1/nextNonce")).count();
                        boolean settled = now == asked[0] && now >= 4;
                        asked[0] = now;
                        return settled;
                    });

                    for (String preset : List.of("hft", "ev-positive", "set-and-forget", "original")) {
                        runGridPreset(port, lighter, preset);
                    }
                    fundingArbitrageOpensAndClosesAPositionWithALighterLeg(port, lighter, sim);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(e.getMessage() + "\nruns: " + get(port, "/api/v1/strategies?status=all")
                            + "\nopportunities: " + get(port, "/api/v1/opportunities?limit=3")
                            + "\noutput tail: " + tail(AppProcessAccess.output(app)), e);
                }
            }
        } finally {
            sim.close();
        }
    }

    private void runGridPreset(int port, FakeLighter lighter, String preset) throws Exception {
        String yaml = Files.readString(GRID_PRESETS.resolve(preset + ".yaml")).lines()
                .filter(line -> !line.startsWith("#")).map(line -> "  " + line).collect(Collectors.joining("\n"));
        String id = "grid-" + preset;
        post(port, "/api/v1/strategies", "id: " + id + "\nstrategy: grid\nconfig:\n" + yaml + "\n");
        long before = lighter.nextNonce(3);
        post(port, "/api/v1/strategies/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(lighter.sim().exchange().openOrders("BTC")).as(preset + ": its entry rests on Lighter")
                        .anySatisfy(o -> assertThat(o.side()).isEqualTo(dev.perpflow.exchange.model.Side.BUY)));
        assertThat(lighter.nextNonce(3)).as(preset + ": signed transactions accepted").isGreaterThan(before);
        post(port, "/api/v1/strategies/" + id + "/stop", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(port, "/api/v1/strategies/" + id)
                .get("status").asText()).isEqualTo("stopped"));
        for (Order order : lighter.sim().exchange().openOrders(null)) {
            lighter.sim().exchange().cancel(order.symbol(), order.clientOrderId());
        }
    }

    private void fundingArbitrageOpensAndClosesAPositionWithALighterLeg(int port, FakeLighter lighter,
            SimExchangeClient sim) throws Exception {
        post(port, "/api/v1/strategies", "id: arb-lighter\nstrategy: funding_arbitrage\nconfig:\n"
                + "  scan_exchanges: [lighter, sim-a]\n  mandatory_exchange: lighter\n  target_margin: 40\n"
                + "  min_profit_rate: 0.1\n  min_volume_24h: 0\n  min_oi_usd: 0\n  check_interval_seconds: 3\n"
                + "  min_hold_hours: 0\n  max_position_age_hours: 0.01\n  max_positions: 1\n  max_oi_usd: 999999999\n"
                + "  exclude_symbols: [BTC, ETH, 2Z, Z, BONK]\n");
        ScheduledExecutorService market = Executors.newSingleThreadScheduledExecutor();
        market.scheduleAtFixedRate(() -> sim.advance(Duration.ofSeconds(1)), 0, 200, TimeUnit.MILLISECONDS);
        boolean stopped = false;
        try {
            post(port, "/api/v1/strategies/arb-lighter/start", null);
            String[] id = new String[1];
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (JsonNode position : get(port, "/api/v1/positions").get("positions")) {
                    if (position.get("status").asText().equals("open")
                            && position.toString().contains("lighter")) {
                        id[0] = position.get("id").asText();
                        return true;
                    }
                }
                return false;
            });
            assertThat(lighter.sim().exchange().positions()).as("the Lighter leg is held on Lighter").isNotEmpty();
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(get(port, "/api/v1/positions").get("positions").findValuesAsText("id"))
                            .doesNotContain(id[0]));
            // the run may open its next position at once (max_positions 1): stopped, it enters no more and closes
            // what it holds when its time limit comes, so Lighter ends flat
            post(port, "/api/v1/strategies/arb-lighter/stop", null);
            stopped = true;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(lighter.sim().exchange().positions()).as("closed on Lighter too")
                            .allSatisfy(p -> assertThat(p.quantity()).isZero()));
        } finally {
            market.shutdownNow();
            if (!stopped) {
                post(port, "/api/v1/strategies/arb-lighter/stop", null);
            }
        }
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", KEY)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void post(int port, String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", KEY)
                .timeout(Duration.ofSeconds(90)).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
    }
}
