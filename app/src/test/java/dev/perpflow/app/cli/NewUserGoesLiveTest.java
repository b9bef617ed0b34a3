package dev.perpflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.AppProcessAccess;
import dev.perpflow.app.config.DatabaseSettings;
import dev.perpflow.app.persistence.Database;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.testkit.aster.FakeAster;
import dev.perpflow.testkit.net.FakeHttpProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounts issue's "done when", as a new user does it: the admin CLI creates a user, an API key, an account
 * with Aster credentials and a proxy; the app then starts on the live profile with the master key, and the user's
 * key reads the account's balances from the (fake) venue through the proxy. No secret is in the app's output.
 */
class NewUserGoesLiveTest {

    private static final String ASTER_KEY = "live-aster-key-7781";
    private static final String ASTER_SECRET = "live-aster-secret-9932";

    @TempDir
    Path dataDir;

    @Test
    void aUserCreatedWithTheCliTradesOnTheLiveProfileThroughItsProxy() throws Exception {
        String master = MasterKey.generate();
        SimExchangeClient sim = SimExchangeClient.manual(SimVenueConfig.defaults("aster-sim", 31),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        try (FakeAster aster = FakeAster.start(sim, ASTER_KEY, ASTER_SECRET);
                FakeHttpProxy proxy = FakeHttpProxy.withBasicAuth("frank", "proxy-pw-55")) {
            String userKey;
            try (Database db = Database.open(new DatabaseSettings("", "postgres", ""), dataDir)) {
                CliRunner cli = new CliRunner(db.dataSource());
                cli.env.put("PERPFLOW_MASTER_KEY", master);
                assertThat(cli.run("users", "create", "frank").status()).isZero();
                Matcher key = Pattern.compile("perp_[0-9a-f]{32}").matcher(
                        cli.run("api-keys", "create", "--user", "frank", "--name", "laptop").out());
                assertThat(key.find()).isTrue();
                userKey = key.group();
                assertThat(cli.run("accounts", "add", "main", "--user", "frank").status()).isZero();
                assertThat(cli.runWithInput("api_key=" + ASTER_KEY + "\nsecret_key=" + ASTER_SECRET + "\n",
                        "credentials", "set", "frank/main", "aster").status()).isZero();
                assertThat(cli.runWithInput("proxy-pw-55\n", "proxies", "add", "office",
                        proxy.url().replace("http://", "http://frank@"), "--password-stdin").status()).isZero();
                assertThat(cli.run("proxies", "assign", "frank/main", "office").status()).isZero();
            }

            Map<String, String> env = new HashMap<>();
            env.put("CAMEL_MAIN_PROFILE", "live");
            env.put("PERPFLOW_MASTER_KEY", master);
            env.put("PERPFLOW_VENUES_ASTER_ENABLED", "true");
            env.put("PERPFLOW_VENUES_ASTER_REST_URL", aster.restUrl().toString());
            env.put("PERPFLOW_VENUES_ASTER_WS_URL", aster.wsUrl().toString());
            env.put("PERPFLOW_PROXY_CHECK_URL", aster.restUrl() + "/fapi/v1/exchangeInfo");
            int port = AppProcessAccess.freePort();
            try (AutoCloseable app = AppProcessAccess.startAndAwait(dataDir, port, env, "\"status\"")) {
                HttpResponse<String> balances = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/balances?account_name=main"))
                        .header("X-API-Key", userKey).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(balances.statusCode()).as(balances.body()).isEqualTo(200);
                JsonNode body = new ObjectMapper().readTree(balances.body());
                assertThat(body.get("balances").get("aster").get(0).get("asset").asText()).isEqualTo("USDT");
                assertThat(proxy.connections()).as("through the account's proxy").isPositive();
                String output = AppProcessAccess.output(app);
                for (String secret : new String[] {master, userKey, ASTER_KEY, ASTER_SECRET, "proxy-pw-55"}) {
                    assertThat(output).doesNotContain(secret);
                }
            }
        } finally {
            sim.close();
        }
    }
}
