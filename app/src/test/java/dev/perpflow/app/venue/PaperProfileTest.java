package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.AppProcessAccess;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.testkit.aster.FakeAster;
import dev.perpflow.testkit.backpack.FakeBackpack;
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
 * {@code CAMEL_MAIN_PROFILE=paper} as a user runs it, against fake Aster and Backpack: live funding from both through
 * the normal pipeline, a paper account of 10,000 USDT per venue, no credentials, and a funding-arbitrage run that
 * opens both legs on paper while the venues themselves receive no order.
 */
class PaperProfileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "paper-bootstrap-key-0123456789ab";

    @TempDir
    Path dataDir;

    @Test
    void thePaperProfileTradesOnLiveDataWithoutTouchingTheVenues() throws Exception {
        SimExchangeClient asterSim = SimExchangeClient.manual(SimVenueConfig.defaults("aster-sim", 51)
                .withFundingBias(new BigDecimal("0.0004")), new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        SimExchangeClient backpackSim = SimExchangeClient.manual(SimVenueConfig.defaults("backpack-sim", 52)
                .withFundingBias(new BigDecimal("-0.0004")), new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        try (FakeAster aster = FakeAster.start(asterSim, "unused-key", "unused-secret");
                FakeBackpack backpack = new FakeBackpack(backpackSim, "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
                        .start()) {
            int port = AppProcessAccess.freePort();
            Map<String, String> env = Map.of("CAMEL_MAIN_PROFILE", "paper", "PERPFLOW_API_KEY", KEY,
                    "PERPFLOW_FUNDING_POLL_SECONDS", "2",
                    "PERPFLOW_VENUES_ASTER_REST_URL", aster.restUrl().toString(),
                    "PERPFLOW_VENUES_ASTER_WS_URL", aster.wsUrl().toString(),
                    "PERPFLOW_VENUES_BACKPACK_REST_URL", backpack.baseUrl().toString(),
                    "PERPFLOW_VENUES_BACKPACK_WS_URL", backpack.wsUrl().toString());
            try (AutoCloseable app = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
                assertThat(AppProcessAccess.output(app)).contains("PAPER MODE");
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(get(port, "/api/v1/funding-rates/aster").toString()).contains("BTC");
                    assertThat(get(port, "/api/v1/funding-rates/backpack").toString()).contains("BTC");
                });
                JsonNode balances = get(port, "/api/v1/balances").get("balances");
                assertThat(balances.get("aster").get(0).get("total").decimalValue()).isEqualByComparingTo("10000");
                assertThat(balances.get("backpack").get(0).get("total").decimalValue()).isEqualByComparingTo("10000");

                post(port, "/api/v1/strategies", "id: paper-arb\nstrategy: funding_arbitrage\nconfig:\n"
                        + "  scan_exchanges: [aster, backpack]\n  target_margin: 40\n  min_profit_rate: 0.1\n"
                        + "  min_volume_24h: 0\n  min_oi_usd: 0\n  check_interval_seconds: 5\n");
                // the venues' markets move (paper maker orders fill when the live market trades through them)
                java.util.concurrent.ScheduledExecutorService market =
                        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                market.scheduleAtFixedRate(() -> {
                    asterSim.advance(Duration.ofSeconds(1));
                    backpackSim.advance(Duration.ofSeconds(1));
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
                }
                assertThat(asterSim.exchange().positions()).as("aster saw no order").isEmpty();
                assertThat(backpackSim.exchange().positions()).as("backpack saw no order").isEmpty();
                assertThat(aster.server().requests()).noneMatch(r -> r.path().equals("/fapi/v1/order"));
                market.shutdownNow();
            }
        } finally {
            asterSim.close();
            backpackSim.close();
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
