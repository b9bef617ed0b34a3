package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.AppProcessAccess;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.testkit.edgex.FakeEdgex;
import dev.perpflow.testkit.paradex.FakeParadex;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as a process on the test profile (sims sim-a, sim-b, sim-c) with Paradex and EdgeX pointed at their fakes
 * and the default account's credentials in the environment: Paradex's from the seed's variables
 * ({@code PARADEX_L1_ADDRESS}, {@code PARADEX_L2_ADDRESS}, {@code PARADEX_L2_PRIVATE_KEY}), EdgeX's v2 set
 * ({@code EDGEX_ACCOUNT_ID}, {@code EDGEX_API_KEY}, {@code EDGEX_API_PASSPHRASE}, {@code EDGEX_API_SECRET},
 * {@code EDGEX_TRADING_PRIVATE_KEY}). Both venues' funding lands through the collection pipeline; a funding-arbitrage
 * run between Paradex and sim-a opens a position (long Paradex, whose shorts pay, short sim-a) and closes it at its
 * age limit with signed orders the fake accepts; a grid runs on EdgeX, entering and taking profit as the price moves.
 */
class ParadexAndEdgexStrategiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "paradex-edgex-bootstrap-key-0123456789";
    private static final String PARADEX_KEY = "0x4070e7abfa479cf8a30d38895e93800a88862c4a65aa00e2b11495998818046";
    private static final String PARADEX_ADDRESS = "0x5c7a1a4c6e0b1b6c0f7f1f2e53b2e1d0c9a8b7a6f5e4d3c2b1a0918273645a1";
    private static final long EDGEX_ACCOUNT = 777000111L;
    private static final String EDGEX_TRADING_KEY = "0x0123456789012345678901234567890123456789012345678901234567890123";

    @TempDir
    Path dataDir;

    @Test
    void fundingLandsAnArbOpensAndClosesOnParadexAndAGridRunsOnEdgex() throws Exception {
        SimExchangeClient paradexSim = SimExchangeClient.manual(SimVenueConfig.defaults("paradex-sim", 71)
                .withFundingIntervalHours(8).withFundingBias(new BigDecimal("-0.0004")),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        SimExchangeClient edgexSim = SimExchangeClient.manual(SimVenueConfig.defaults("edgex-sim", 72)
                .withFundingIntervalHours(4), new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        Path arb = dataDir.resolve("arb-paradex.yaml");
        Files.writeString(arb, "scan_exchanges: [paradex, sim-a]\ntarget_margin: 40\nmax_positions: 1\n"
                + "max_new_positions_per_cycle: 1\nmin_profit_rate: 0.1\nmin_volume_24h: 0\nmin_oi_usd: 0\n"
                + "risk_strategy: combined\nmin_hold_hours: 0\nmax_position_age_hours: 0.01\n"
                + "check_interval_seconds: 2\nexclude_symbols: [ETH, SOL, BONK, 2Z, Z, CC, AI16Z]\n"
                + "naked_leg_action: close\n");
        Path grid = dataDir.resolve("grid-edgex.yaml");
        Files.writeString(grid, "exchange: edgex\nticker: ETH\ndirection: buy\norder_notional_usd: 200\n"
                + "target_leverage: 10\ntake_profit: 0.5\ngrid_step: 0.01\nmax_orders: 5\nmax_margin_usd: 200\n"
                + "wait_time: 5\nstop_loss_enabled: true\nstop_loss_percentage: 5\nposition_timeout_minutes: 10\n"
                + "recovery_mode: aggressive\npost_only_tick_multiplier: 2\n");
        try (FakeParadex paradex = new FakeParadex(paradexSim, PARADEX_ADDRESS, PARADEX_KEY).start();
                FakeEdgex edgex = new FakeEdgex(edgexSim, EDGEX_ACCOUNT, "edgex-key", "edgex-pass", "edgex-secret",
                        EDGEX_TRADING_KEY).start()) {
            Map<String, String> env = new HashMap<>();
            env.put("PERPFLOW_API_KEY", KEY);
            env.put("PARADEX_L1_ADDRESS", "0x0000000000000000000000000000000000000001");
            env.put("PARADEX_L2_ADDRESS", PARADEX_ADDRESS);
            env.put("PARADEX_L2_PRIVATE_KEY", PARADEX_KEY);
            env.put("EDGEX_ACCOUNT_ID", Long.toString(EDGEX_ACCOUNT));
            env.put("EDGEX_API_KEY", "edgex-key");
            env.put("EDGEX_API_PASSPHRASE", "edgex-pass");
            env.put("EDGEX_API_SECRET", "edgex-secret");
            env.put("EDGEX_TRADING_PRIVATE_KEY", EDGEX_TRADING_KEY);
            env.put("PERPFLOW_VENUES_PARADEX_ENABLED", "true");
            env.put("PERPFLOW_VENUES_PARADEX_REST_URL", paradex.restUrl().toString());
            env.put("PERPFLOW_VENUES_PARADEX_WS_URL", paradex.wsUrl().toString());
            env.put("PERPFLOW_VENUES_EDGEX_ENABLED", "true");
            env.put("PERPFLOW_VENUES_EDGEX_REST_URL", edgex.restUrl().toString());
            env.put("PERPFLOW_VENUES_EDGEX_WS_URL", edgex.wsUrl().toString());
            env.put("PERPFLOW_FUNDING_POLL_SECONDS", "2");
            env.put("PERPFLOW_FUNDING_ARB_DEV_RUN", arb.toString());
            env.put("PERPFLOW_FUNDING_ARB_TICK_MILLIS", "300");
            env.put("PERPFLOW_GRID_DEV_RUN", grid.toString());
            env.put("PERPFLOW_GRID_TICK_MILLIS", "200");
            int port = AppProcessAccess.freePort();
            Instant start = Instant.now().minusSeconds(5);
            AutoCloseable app = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"");
            try {
                // funding of both venues through the collection pipeline, each with its own interval
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(get(port, "/api/v1/funding-rates/paradex").toString()).contains("BTC");
                    assertThat(get(port, "/api/v1/funding-rates/edgex").toString()).contains("ETH");
                });

                // the arb: long Paradex (its shorts pay), short sim-a, then closed at its age limit
                String[] opened = new String[1];
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (JsonNode position : get(port, "/api/v1/positions").get("positions")) {
                        if (position.get("long_dex").asText().equals("paradex")
                                && position.get("short_dex").asText().equals("sim-a")
                                && position.get("status").asText().equals("open")) {
                            opened[0] = position.get("id").asText();
                            return true;
                        }
                    }
                    return false;
                });
                String entryPrefix = "fa-" + opened[0] + "-e";
                String closePrefix = "fa-" + opened[0] + "-c";
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(paradexSim.exchange()
                        .fillsSince(start)).as("the entry leg filled on Paradex")
                        .anySatisfy(f -> assertThat(f.clientOrderId()).startsWith(entryPrefix)));
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertThat(get(port, "/api/v1/positions").get("positions").findValuesAsText("id"))
                            .as("the position is closed").doesNotContain(opened[0]);
                    assertThat(paradexSim.exchange().fillsSince(start)).as("the close leg filled on Paradex")
                            .anySatisfy(f -> assertThat(f.clientOrderId()).startsWith(closePrefix));
                });
                BigDecimal held = paradexSim.exchange().fillsSince(start).stream()
                        .filter(f -> f.clientOrderId() != null && f.clientOrderId().startsWith("fa-" + opened[0] + "-"))
                        .map(f -> f.side() == dev.perpflow.exchange.model.Side.BUY ? f.quantity() : f.quantity().negate())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(held).as("what the closed position's orders hold on Paradex").isZero();
                assertThat(paradex.server().requests().stream().filter(r -> r.path().equals("/v1/orders")
                        && r.method().equals("POST"))).as("orders were signed and sent").isNotEmpty();

                // the grid on EdgeX: its post-only entry rests, the price trades through it, then through the take
                // profit
                Order[] entry = new Order[1];
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    entry[0] = edgexSim.exchange().openOrders("ETH").stream()
                            .filter(o -> o.clientOrderId().startsWith("dev-grid-") && !o.reduceOnly()).findFirst()
                            .orElse(null);
                    return entry[0] != null;
                });
                edgexSim.exchange().setMid("ETH", entry[0].price().subtract(BigDecimal.ONE));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(events(port, "dev-grid")).contains("position_tracked"));
                Order close = edgexSim.exchange().openOrders("ETH").stream().filter(Order::reduceOnly).findFirst()
                        .orElseThrow();
                edgexSim.exchange().setMid("ETH", close.price().add(BigDecimal.ONE));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(events(port, "dev-grid")).contains("position_closed"));
                assertThat(AppProcessAccess.output(app)).doesNotContain(PARADEX_KEY.substring(2))
                        .doesNotContain(EDGEX_TRADING_KEY.substring(2)).doesNotContain("edgex-secret");
            } catch (AssertionError | RuntimeException e) {
                String output = AppProcessAccess.output(app);
                throw new AssertionError(e.getMessage() + "\n--- app output (tail) ---\n"
                        + output.substring(Math.max(0, output.length() - 20_000)), e);
            } finally {
                app.close();
            }
        } finally {
            paradexSim.close();
            edgexSim.close();
        }
    }

    private static List<String> events(int port, String run) throws Exception {
        return get(port, "/api/v1/strategies/" + run + "/events").get("events").findValuesAsText("type");
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", KEY)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
