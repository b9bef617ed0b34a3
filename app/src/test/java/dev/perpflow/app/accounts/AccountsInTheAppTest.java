package dev.perpflow.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.SecretBox;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.testkit.aster.FakeAster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Users and accounts inside the app: a user's API key sees only that user's accounts (another user's answers 403),
 * admin-only actions are refused to other users, a revoked key stops working, and an account's runs and balances
 * use that account's stored (encrypted) venue credentials: the fake Aster accepts only alice's keys.
 */
class AccountsInTheAppTest extends AppTestSupport {

    private static final String MASTER = MasterKey.generate();
    private static final String ALICE_ASTER_KEY = "alice-aster-api-key";
    private static final String ALICE_ASTER_SECRET = "alice-aster-secret-value";
    private static final SimExchangeClient SIM = SimExchangeClient.manual(SimVenueConfig.defaults("aster-sim", 5),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeAster FAKE = FakeAster.start(SIM, ALICE_ASTER_KEY, ALICE_ASTER_SECRET);

    @AfterAll
    static void stopFake() {
        FAKE.close();
        SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.master-key", MASTER);
        properties.setProperty("perpflow.api-key", "accounts-bootstrap-key-0123456789");
        properties.setProperty("perpflow.venues.aster.enabled", "true");
        properties.setProperty("perpflow.venues.aster.rest-url", FAKE.restUrl().toString());
        properties.setProperty("perpflow.venues.aster.ws-url", FAKE.wsUrl().toString());
        properties.setProperty("perpflow.venues.aster.poll-seconds", "3600");
        return properties;
    }

    @Test
    void usersSeeOnlyTheirAccountsAndTradeWithTheirOwnCredentials() throws Exception {
        DataSource ds = dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository users = new UserRepository(ds, clock);
        ApiKeyRepository keys = new ApiKeyRepository(ds, audit, clock);
        AccountRepository accounts = new AccountRepository(ds, audit, clock);
        CredentialStore credentials = new CredentialStore(ds, new SecretBox(MasterKey.parse(MASTER)), audit, clock);
        UserRepository.User alice = users.create("alice", false);
        UserRepository.User bob = users.create("bob", false);
        String aliceKey = keys.create(alice, "test", null, "test").key();
        String bobKey = keys.create(bob, "test", null, "test").key();
        AccountRepository.Account main = accounts.create(alice, "main", null, "test");
        accounts.create(bob, "bobs", null, "test");
        credentials.set(main, "aster", Map.of("api_key", ALICE_ASTER_KEY, "secret_key", ALICE_ASTER_SECRET), "test");

        JsonNode aliceAccounts = call("GET", "/api/v1/accounts", null, aliceKey, 200);
        assertThat(aliceAccounts.get("user").asText()).isEqualTo("alice");
        assertThat(aliceAccounts.get("accounts").findValuesAsText("account_name")).containsExactly("alice/main");
        call("GET", "/api/v1/positions?account_name=bob/bobs", null, aliceKey, 403);
        call("GET", "/api/v1/positions?account_name=bobs", null, aliceKey, 403);
        call("GET", "/api/v1/positions?account_name=nobody/nothing", null, aliceKey, 404);
        call("GET", "/api/v1/balances?account_name=default", null, aliceKey, 403);
        call("POST", "/api/v1/halt", null, aliceKey, 403);
        call("GET", "/api/v1/balances?account_name=alice/main", null, bobKey, 403);

        // alice's balances come from the venue with her stored keys; the default account has no Aster keys
        JsonNode balances = call("GET", "/api/v1/balances?account_name=main", null, aliceKey, 200);
        assertThat(balances.get("account_name").asText()).isEqualTo("alice/main");
        assertThat(balances.get("balances").get("aster").get(0).get("asset").asText()).isEqualTo("USDT");
        JsonNode adminView = call("GET", "/api/v1/balances", null, "accounts-bootstrap-key-0123456789", 200);
        assertThat(adminView.get("balances").get("aster").get("error").asText()).contains("ASTER_API_KEY");
        assertThat(call("GET", "/api/v1/accounts", null, "accounts-bootstrap-key-0123456789", 200).get("accounts")
                .findValuesAsText("account_name")).contains("default", "alice/main", "bob/bobs");

        // a run of bob's account cannot use Aster: bob stored no Aster keys
        call("POST", "/api/v1/strategies", "id: bob-arb\nstrategy: funding_arbitrage\naccount: bobs\nconfig:\n"
                + "  scan_exchanges: [aster, sim-a]\n", bobKey, 201);
        JsonNode refused = call("POST", "/api/v1/strategies/bob-arb/start", null, bobKey, 400);
        assertThat(refused.toString()).contains("no aster credentials").contains("credentials set bob/bobs aster");
        call("POST", "/api/v1/strategies/bob-arb/start", null, aliceKey, 403);
        assertThat(call("GET", "/api/v1/strategies", null, aliceKey, 200).toString()).doesNotContain("bob-arb");

        keys.revoke(aliceKey.substring(0, 12), "test");
        // revoked from outside the app (as the CLI does): the app notices within a second
        org.awaitility.Awaitility.await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> call("GET", "/api/v1/accounts", null, aliceKey, 401));
        assertThat(audit.recent(50)).extracting(AuditLog.Entry::action).contains("api_key_revoked", "credentials_set",
                "strategy_created");
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
