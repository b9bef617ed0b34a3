package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.AppProcessAccess;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.testkit.grvt.FakeGrvt;
import dev.perpflow.testkit.hyperliquid.FakeHyperliquid;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as a user starts it, with {@code PERPFLOW_VENUES_HYPERLIQUID_ENABLED=true} and
 * {@code PERPFLOW_VENUES_GRVT_ENABLED=true} and their URLs pointed at the fakes: on the dev profile the default account
 * trades with the seed's variables ({@code HYPERLIQUID_PRIVATE_KEY} of an API wallet with
 * {@code HYPERLIQUID_ACCOUNT_ADDRESS}, {@code GRVT_TRADING_ACCOUNT_ID} / {@code GRVT_PRIVATE_KEY} / {@code GRVT_API_KEY})
 * and reads both accounts' balances; on the paper profile no credential is read and the paper accounts trade on the
 * venues' live data; on both, funding of both venues arrives through the pipeline.
 */
class HyperliquidAndGrvtOnDevAndPaperProfilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "profiles-bootstrap-key-0123456789";
    private static final String HL_ACCOUNT_KEY = "0x0123456789012345678901234567890123456789012345678901234567890123";
    private static final String HL_AGENT_KEY = "0x4fd0a42218f3eae43a6ce26d22544e986139a01e5b34a62db53757ffca81bae1";
    private static final String GRVT_KEY = "f7934647276a6e1fa0af3f4467b4b8ddaf45d25a7368fa1a295eef49a446819d";

    @TempDir
    Path dataDir;

    @Test
    void theDevProfileCollectsFundingAndTradesWithTheSeedsVariables() throws Exception {
        try (Fakes fakes = new Fakes()) {
            Map<String, String> env = fakes.env("dev");
            // the dev profile's runs name their configs relative to the project root; the tests run in app/
            Path configs = Path.of("..", "configs", "dev").toAbsolutePath().normalize();
            env.put("PERPFLOW_GRID_DEV_RUN", configs.resolve("grid-sim-a.yaml").toString());
            env.put("PERPFLOW_FUNDING_ARB_DEV_RUN", configs.resolve("funding-arb-sims.yaml").toString());
            env.put("HYPERLIQUID_PRIVATE_KEY", HL_AGENT_KEY);
            env.put("HYPERLIQUID_ACCOUNT_ADDRESS", fakes.hlAccount);
            env.put("GRVT_TRADING_ACCOUNT_ID", "8289849667772468");
            env.put("GRVT_PRIVATE_KEY", GRVT_KEY);
            env.put("GRVT_API_KEY", "profiles-grvt-api-key");
            int port = AppProcessAccess.freePort();
            try (AutoCloseable app = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
                awaitFunding(port);
                JsonNode balances = get(port, "/api/v1/balances").get("balances");
                assertThat(balances.get("hyperliquid").get(0).get("asset").asText()).isEqualTo("USDC");
                assertThat(balances.get("grvt").get(0).get("asset").asText()).isEqualTo("USDT");
                assertThat(fakes.grvt.authServer().requests()).as("GRVT logged in with the API key").isNotEmpty();
                assertThat(AppProcessAccess.output(app)).doesNotContain(HL_AGENT_KEY.substring(2))
                        .doesNotContain(GRVT_KEY).doesNotContain("profiles-grvt-api-key");
            }
        }
    }

    @Test
    void thePaperProfileCollectsFundingAndTradesOnPaperWithoutCredentials() throws Exception {
        try (Fakes fakes = new Fakes()) {
            Map<String, String> env = fakes.env("paper");
            env.put("PERPFLOW_VENUES_ASTER_ENABLED", "false");
            env.put("PERPFLOW_VENUES_BACKPACK_ENABLED", "false");
            int port = AppProcessAccess.freePort();
            try (AutoCloseable app = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
                assertThat(AppProcessAccess.output(app)).contains("PAPER MODE");
                awaitFunding(port);
                JsonNode balances = get(port, "/api/v1/balances").get("balances");
                assertThat(balances.get("hyperliquid").get(0).get("total").decimalValue()).isEqualByComparingTo("10000");
                assertThat(balances.get("grvt").get(0).get("total").decimalValue()).isEqualByComparingTo("10000");
                assertThat(fakes.grvt.authServer().requests()).as("no login on paper").isEmpty();
                assertThat(fakes.hl.server().requests()).noneMatch(r -> r.path().equals("/exchange"));
            }
        }
    }

    private static void awaitFunding(int port) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(get(port, "/api/v1/funding-rates/hyperliquid").toString()).contains("BTC");
            assertThat(get(port, "/api/v1/funding-rates/grvt").toString()).contains("SOL");
        });
    }

    private static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", KEY)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Both fakes over their own sims, the account's key and an API wallet approved for it. */
    private static final class Fakes implements AutoCloseable {

        final String hlAccount = EthPrivateKey.of(Secret.of(HL_ACCOUNT_KEY)).address();
        final FakeHyperliquid hl = new FakeHyperliquid(hlAccount,
                List.of(EthPrivateKey.of(Secret.of(HL_AGENT_KEY)).address())).start();
        final FakeGrvt grvt = new FakeGrvt("8289849667772468", "profiles-grvt-api-key",
                EthPrivateKey.of(Secret.of(GRVT_KEY)).address()).start();

        Map<String, String> env(String profile) {
            Map<String, String> env = new HashMap<>();
            env.put("CAMEL_MAIN_PROFILE", profile);
            env.put("PERPFLOW_API_KEY", KEY);
            env.put("PERPFLOW_FUNDING_POLL_SECONDS", "2");
            env.put("PERPFLOW_VENUES_HYPERLIQUID_ENABLED", "true");
            env.put("PERPFLOW_VENUES_HYPERLIQUID_REST_URL", hl.baseUrl().toString());
            env.put("PERPFLOW_VENUES_HYPERLIQUID_WS_URL", hl.wsUrl().toString());
            env.put("PERPFLOW_VENUES_GRVT_ENABLED", "true");
            env.put("PERPFLOW_VENUES_GRVT_REST_URL", grvt.marketDataUrl().toString());
            env.put("PERPFLOW_VENUES_GRVT_WS_URL", grvt.marketDataWsUrl().toString());
            env.put("PERPFLOW_VENUES_GRVT_TRADES_URL", grvt.tradesUrl().toString());
            env.put("PERPFLOW_VENUES_GRVT_AUTH_URL", grvt.authUrl().toString());
            return env;
        }

        @Override
        public void close() {
            hl.close();
            grvt.close();
        }
    }
}
