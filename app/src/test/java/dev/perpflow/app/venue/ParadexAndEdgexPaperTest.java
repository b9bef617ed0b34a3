package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.AppProcessAccess;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.testkit.edgex.FakeEdgex;
import dev.perpflow.testkit.paradex.FakeParadex;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper profile with Paradex and EdgeX enabled (Aster and Backpack off) against their fakes: live funding from
 * both through the normal pipeline, a paper account of 10,000 per venue, no credentials read (the seed's variables
 * are set and must not be used), and a funding-arbitrage run between Paradex and EdgeX that opens both legs on paper
 * while the venues receive no order.
 */
class ParadexAndEdgexPaperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "paper-paradex-edgex-key-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void paperTradesOnParadexAndEdgexLiveDataWithoutTouchingTheVenues() throws Exception {
        SimExchangeClient paradexSim = SimExchangeClient.manual(SimVenueConfig.defaults("paradex-sim", 61)
                .withFundingIntervalHours(8).withFundingBias(new BigDecimal("0.0004")),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        SimExchangeClient edgexSim = SimExchangeClient.manual(SimVenueConfig.defaults("edgex-sim", 62)
                .withFundingIntervalHours(4).withFundingBias(new BigDecimal("-0.0004")),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        String paradexKey = "0x2dccce1da22003777062ee0870e9881b460a8b7eca276870f57c601f182136c";
        String paradexAddress = "0x1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00";
        try (FakeParadex paradex = new FakeParadex(paradexSim, paradexAddress, paradexKey).start();
                FakeEdgex edgex = new FakeEdgex(edgexSim, 4242L, "k", "p", "s",
                        "0x0123456789012345678901234567890123456789012345678901234567890123").start()) {
            int port = AppProcessAccess.freePort();
            Map<String, String> env = new java.util.HashMap<>();
            env.put("CAMEL_MAIN_PROFILE", "paper");
            env.put("PERPFLOW_API_KEY", KEY);
            env.put("PERPFLOW_FUNDING_POLL_SECONDS", "2");
            env.put("PERPFLOW_VENUES_ASTER_ENABLED", "false");
            env.put("PERPFLOW_VENUES_BACKPACK_ENABLED", "false");
            env.put("PERPFLOW_VENUES_PARADEX_ENABLED", "true");
            env.put("PERPFLOW_VENUES_EDGEX_ENABLED", "true");
            env.put("PERPFLOW_VENUES_PARADEX_REST_URL", paradex.restUrl().toString());
            env.put("PERPFLOW_VENUES_PARADEX_WS_URL", paradex.wsUrl().toString());
            env.put("PERPFLOW_VENUES_EDGEX_REST_URL", edgex.restUrl().toString());
            env.put("PERPFLOW_VENUES_EDGEX_WS_URL", edgex.wsUrl().toString());
            // set, and never read on paper (a half set would stop a live start)
            env.put("PARADEX_L2_PRIVATE_KEY", paradexKey);
            env.put("EDGEX_STARK_PRIVATE_KEY", "0x1234");
            try (AutoCloseable app = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
                assertThat(AppProcessAccess.output(app)).contains("PAPER MODE");
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(get(port, "/api/v1/funding-rates/paradex").toString()).contains("BTC");
                    assertThat(get(port, "/api/v1/funding-rates/edgex").toString()).contains("BTC");
                });
                JsonNode balances = get(port, "/api/v1/balances").get("balances");
                assertThat(balances.get("paradex").get(0).get("total").decimalValue()).isEqualByComparingTo("10000");
                assertThat(balances.get("edgex").get(0).get("total").decimalValue()).isEqualByComparingTo("10000");

                post(port, "/api/v1/strategies", "id: paper-arb\nstrategy: funding_arbitrage\nconfig:\n"
                        + "  scan_exchanges: [paradex, edgex]\n  target_margin: 40\n  min_profit_rate: 0.1\n"
                        + "  min_volume_24h: 0\n  min_oi_usd: 0\n  check_interval_seconds: 5\n");
                // the venues' markets move (paper maker orders fill when the live market trades through them)
                java.util.concurrent.ScheduledExecutorService market =
                        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                market.scheduleAtFixedRate(() -> {
                    paradexSim.advance(Duration.ofSeconds(1));
                    edgexSim.advance(Duration.ofSeconds(1));
                }, 0, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
                post(port, "/api/v1/strategies/paper-arb/start", null);
                try {
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                            assertThat(get(port, "/api/v1/positions").get("positions").findValuesAsText("status"))
                                    .contains("open"));
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("no paper position; runs: "
                            + get(port, "/api/v1/strategies") + "; opportunities: "
                            + get(port, "/api/v1/opportunities?limit=3") + "; output tail: "
                            + tail(AppProcessAccess.output(app)), e);
                } finally {
                    market.shutdownNow();
                }
                assertThat(paradexSim.exchange().positions()).as("paradex saw no order").isEmpty();
                assertThat(edgexSim.exchange().positions()).as("edgex saw no order").isEmpty();
                assertThat(paradex.server().requests()).noneMatch(r -> r.path().equals("/v1/orders")
                        || r.path().equals("/v1/auth"));
                assertThat(edgex.server().requests()).noneMatch(r -> r.path().contains("/private/"));
            }
        } finally {
            paradexSim.close();
            edgexSim.close();
        }
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
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
                .timeout(Duration.ofSeconds(30)).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
    }
}
