package dev.perpflow.app.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.AppProcessAccess;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.testkit.FakeRequest;
import dev.perpflow.testkit.FakeServerFaults;
import dev.perpflow.testkit.aster.FakeAster;
import dev.perpflow.testkit.backpack.FakeBackpack;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app is killed (SIGKILL, nothing shut down) after the first leg of a funding-arbitrage entry filled on one
 * venue and before the second filled on the other; the venues (fakes outside the app) keep what they hold. After a
 * restart the run reconciles before anything new: the working order is cancelled, the naked leg is closed, the
 * position ends failed and flat on both venues, and no client order id was ever sent twice.
 */
class CrashBetweenLegsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "crash-bootstrap-key-0123456789ab";
    private static final String ASTER_KEY = "crash-aster-key";
    private static final String ASTER_SECRET = "crash-aster-secret";
    private static final String BACKPACK_PUBLIC = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    private static final String BACKPACK_SECRET = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";

    @TempDir
    Path dataDir;

    @Test
    void aCrashBetweenTheLegsEndsFlatAfterTheRestartWithNoOrderSentTwice() throws Exception {
        // both markets stand still; the test moves aster's through its maker order, so only that leg fills
        SimExchangeClient asterSim = SimExchangeClient.manual(SimVenueConfig.defaults("aster-sim", 61)
                .withFundingBias(new BigDecimal("0.0004")), new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        SimExchangeClient backpackSim = SimExchangeClient.manual(SimVenueConfig.defaults("backpack-sim", 62)
                .withFundingBias(new BigDecimal("-0.0004")), new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        Path config = dataDir.resolve("crash-arb.yaml");
        Files.writeString(config, "scan_exchanges: [aster, backpack]\ntarget_margin: 40\nmax_positions: 1\n"
                + "min_profit_rate: 0.1\nmin_volume_24h: 0\nmin_oi_usd: 0\ncheck_interval_seconds: 2\n"
                + "exclude_symbols: [ETH, SOL, BONK, 2Z, Z]\nnaked_leg_action: close\n");
        try (FakeAster aster = FakeAster.start(asterSim, ASTER_KEY, ASTER_SECRET);
                FakeBackpack backpack = new FakeBackpack(backpackSim, BACKPACK_PUBLIC).start()) {
            Map<String, String> env = new HashMap<>();
            env.put("PERPFLOW_API_KEY", KEY);
            env.put("ASTER_API_KEY", ASTER_KEY);
            env.put("ASTER_SECRET_KEY", ASTER_SECRET);
            env.put("BACKPACK_PUBLIC_KEY", BACKPACK_PUBLIC);
            env.put("BACKPACK_SECRET_KEY", BACKPACK_SECRET);
            env.put("PERPFLOW_VENUES_ASTER_ENABLED", "true");
            env.put("PERPFLOW_VENUES_BACKPACK_ENABLED", "true");
            env.put("PERPFLOW_VENUES_ASTER_REST_URL", aster.restUrl().toString());
            env.put("PERPFLOW_VENUES_ASTER_WS_URL", aster.wsUrl().toString());
            env.put("PERPFLOW_VENUES_BACKPACK_REST_URL", backpack.baseUrl().toString());
            env.put("PERPFLOW_VENUES_BACKPACK_WS_URL", backpack.wsUrl().toString());
            env.put("PERPFLOW_FUNDING_POLL_SECONDS", "2");
            env.put("PERPFLOW_FUNDING_ARB_DEV_RUN", config.toString());
            env.put("PERPFLOW_FUNDING_ARB_DEV_RUN_ID", "crash-arb");
            env.put("PERPFLOW_FUNDING_ARB_TICK_MILLIS", "300");
            int port = AppProcessAccess.freePort();

            AutoCloseable first = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"");
            String interrupted;
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() ->
                        !asterSim.exchange().openOrders("BTC").isEmpty()
                                && !backpackSim.exchange().openOrders("BTC").isEmpty());
                interrupted = get(port, "/api/v1/positions").get("positions").get(0).get("id").asText();
                // the second leg's cancel is carried out but never answered: the app is still waiting for it when
                // it is killed, between the first leg's fill and anything else
                backpack.server().faults().withholdResponseNext(FakeServerFaults.on("DELETE", "/api/v1/order"));
                BigDecimal price = asterSim.exchange().openOrders("BTC").get(0).price();
                asterSim.exchange().setMid("BTC", price.multiply(new BigDecimal("1.001")));
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                        !asterSim.exchange().positions().isEmpty());
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                        backpackSim.exchange().openOrders("BTC").isEmpty());
                assertThat(backpackSim.exchange().positions()).as("the second leg has not filled").isEmpty();
                AppProcessAccess.kill(first);
            } finally {
                first.close();
            }
            // the killed app's PostgreSQL is still running on the data dir: the restart must cope with it by itself
            assertThat(asterSim.exchange().positions()).as("the venue kept the naked leg").isNotEmpty();

            try (AutoCloseable second = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    assertThat(asterSim.exchange().positions()).as("aster flat").isEmpty();
                    assertThat(backpackSim.exchange().positions()).as("backpack flat").isEmpty();
                });
                // the interrupted position is settled (failed, no longer active); the run may try a new entry
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(port, "/api/v1/positions")
                        .get("positions").findValuesAsText("id")).as("the interrupted entry is settled")
                        .doesNotContain(interrupted));
            }
            assertThat(duplicates(aster.server().requests(), "/fapi/v1/order", Pattern.compile("newClientOrderId=([^&]+)")))
                    .as("aster client ids sent more than once").isEmpty();
            assertThat(duplicates(backpack.server().requests(), "/api/v1/order", Pattern.compile("\"clientId\":(\\d+)")))
                    .as("backpack client ids sent more than once").isEmpty();
        } finally {
            asterSim.close();
            backpackSim.close();
        }
    }

    private static Map<String, Long> duplicates(List<FakeRequest> requests, String path, Pattern clientId) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().equals(path))
                .map(r -> {
                    Matcher m = clientId.matcher(r.bodyText() + "&" + r.rawQuery());
                    return m.find() ? m.group(1) : "?";
                })
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", KEY)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
