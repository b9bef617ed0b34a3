package dev.perpflow.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.SecretBox;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.testkit.aster.FakeAster;
import dev.perpflow.testkit.net.FakeHttpProxy;
import dev.perpflow.testkit.net.FakeSocks5Proxy;
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
 * An account's venue traffic goes through its own proxies: the first (SOCKS5 with a login) fails its health checks,
 * is burned after three, and traffic moves to the next (HTTP with a login); the rotation is stored and audited, and
 * no proxy password shows anywhere.
 */
class AccountProxiesInTheAppTest extends AppTestSupport {

    private static final String MASTER = MasterKey.generate();
    private static final String KEY = "carol-aster-key";
    private static final String SECRET = "carol-aster-secret";
    private static final SimExchangeClient SIM = SimExchangeClient.manual(SimVenueConfig.defaults("aster-sim", 21),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeAster FAKE = FakeAster.start(SIM, KEY, SECRET);
    private static final FakeSocks5Proxy FAILING = FakeSocks5Proxy.withPassword("carol", "socks-pass-1");
    private static final FakeHttpProxy HEALTHY = FakeHttpProxy.withBasicAuth("carol", "http-pass-2");

    @AfterAll
    static void stopFakes() {
        FAKE.close();
        SIM.close();
        FAILING.close();
        HEALTHY.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.master-key", MASTER);
        properties.setProperty("perpflow.api-key", "proxy-test-bootstrap-key-0123456");
        properties.setProperty("perpflow.venues.aster.enabled", "true");
        properties.setProperty("perpflow.venues.aster.rest-url", FAKE.restUrl().toString());
        properties.setProperty("perpflow.venues.aster.ws-url", FAKE.wsUrl().toString());
        properties.setProperty("perpflow.venues.aster.poll-seconds", "3600");
        properties.setProperty("perpflow.proxy.check-url", FAKE.restUrl() + "/fapi/v1/exchangeInfo");
        properties.setProperty("perpflow.proxy.check-seconds", "1");
        return properties;
    }

    @Test
    void aFailingProxyIsBurnedAfterThreeChecksAndTrafficMovesToTheNext() throws Exception {
        DataSource ds = dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        SecretBox box = new SecretBox(MasterKey.parse(MASTER));
        UserRepository users = new UserRepository(ds, clock);
        UserRepository.User carol = users.create("carol", false);
        String key = new ApiKeyRepository(ds, audit, clock).create(carol, "test", null, "test").key();
        AccountRepository accounts = new AccountRepository(ds, audit, clock);
        AccountRepository.Account main = accounts.create(carol, "main", null, "test");
        new CredentialStore(ds, box, audit, clock).set(main, "aster", Map.of("api_key", KEY, "secret_key", SECRET),
                "test");
        ProxyRepository proxies = new ProxyRepository(ds, box, audit, clock);
        proxies.add("socks-1", FAILING.url().replace("socks5://", "socks5://carol:socks-pass-1@"), "test");
        proxies.add("http-2", HEALTHY.url().replace("http://", "http://carol:http-pass-2@"), "test");
        proxies.assign(main, "socks-1", 0, "active", "test");
        proxies.assign(main, "http-2", 1, "active", "test");
        FAILING.failing(true);

        JsonNode first = balances(key); // builds the account's clients: traffic starts on socks-1
        assertThat(first.get("balances").get("aster").toString()).contains("error");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(proxies.assignments(main.id()))
                .anySatisfy(a -> {
                    assertThat(a.proxy().label()).isEqualTo("socks-1");
                    assertThat(a.status()).isEqualTo("burned");
                }));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(balances(key).get("balances").get("aster").get(0).get("asset").asText()).isEqualTo("USDT"));
        assertThat(HEALTHY.connections()).isPositive();
        assertThat(audit.recent(100)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("proxy_rotated");
            assertThat(entry.details()).contains("socks5://carol:***@").doesNotContain("socks-pass-1");
        });
        assertThat(Secret.of("x").toString()).isEqualTo("***");
    }

    private JsonNode balances(String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port()
                + "/api/v1/balances?account_name=main")).timeout(Duration.ofSeconds(30)).header("X-API-Key", key).GET()
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("socks-pass-1").doesNotContain("http-pass-2");
        return JSON.readTree(response.body());
    }
}
