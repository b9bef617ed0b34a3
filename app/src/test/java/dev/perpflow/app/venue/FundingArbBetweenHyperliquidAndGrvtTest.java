package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.SecretBox;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.testkit.grvt.FakeGrvt;
import dev.perpflow.testkit.hyperliquid.FakeHyperliquid;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The done-when of issue 20 in one app: Hyperliquid and GRVT enabled with their URLs pointed at the fakes, funding of
 * both collected through the normal pipeline (Hyperliquid hourly, GRVT per market, SOL every 4 h), and a
 * funding-arbitrage run of a database account whose credentials are stored encrypted (a Hyperliquid API wallet trading
 * the account, GRVT's trading account, signer key and API key) opening a position across the two and closing it when
 * it reaches its maximum age; every order reached the venues through signatures the fakes recovered to the configured
 * wallets, and both end flat.
 */
class FundingArbBetweenHyperliquidAndGrvtTest extends AppTestSupport {

    private static final String KEY = "hlgrvt-bootstrap-key-0123456789ab";
    private static final String MASTER = MasterKey.generate();
    private static final String HL_ACCOUNT_KEY = "0x0123456789012345678901234567890123456789012345678901234567890123";
    private static final String HL_AGENT_KEY = "0x4fd0a42218f3eae43a6ce26d22544e986139a01e5b34a62db53757ffca81bae1";
    private static final String HL_ACCOUNT = EthPrivateKey.of(Secret.of(HL_ACCOUNT_KEY)).address();
    private static final String HL_AGENT = EthPrivateKey.of(Secret.of(HL_AGENT_KEY)).address();
    private static final String GRVT_SUB_ACCOUNT = "8289849667772468";
    private static final String GRVT_KEY = "f7934647276a6e1fa0af3f4467b4b8ddaf45d25a7368fa1a295eef49a446819d";
    private static final String GRVT_API_KEY = "arb-test-grvt-api-key";

    // Hyperliquid's longs pay, GRVT's shorts pay: the run goes long on GRVT and short on Hyperliquid
    private static final SimExchangeClient HL_SIM = SimExchangeClient.manual(SimVenueConfig.defaults("hl-sim", 71)
            .withFundingIntervalHours(1).withFundingBias(new BigDecimal("0.0005")),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final SimExchangeClient GRVT_SIM = SimExchangeClient.manual(SimVenueConfig.defaults("grvt-sim", 72)
            .withMarkets(m -> m.symbol().equals("SOL") ? m.withFundingIntervalHours(4) : m)
            .withFundingBias(new BigDecimal("-0.0005")), new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeHyperliquid HL = new FakeHyperliquid(HL_SIM, HL_ACCOUNT, List.of(HL_AGENT)).start();
    private static final FakeGrvt GRVT = new FakeGrvt(GRVT_SIM, GRVT_SUB_ACCOUNT, GRVT_API_KEY,
            EthPrivateKey.of(Secret.of(GRVT_KEY)).address(), 325).start();

    @AfterAll
    static void stopFakes() {
        HL.close();
        GRVT.close();
        HL_SIM.close();
        GRVT_SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.api-key", KEY);
        properties.setProperty("perpflow.master-key", MASTER);
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        properties.setProperty("perpflow.execution.reconcile-tick-millis", "500");
        properties.setProperty("perpflow.execution.reconcile-seconds", "1");
        properties.setProperty("perpflow.venues.hyperliquid.enabled", "true");
        properties.setProperty("perpflow.venues.hyperliquid.rest-url", HL.baseUrl().toString());
        properties.setProperty("perpflow.venues.hyperliquid.ws-url", HL.wsUrl().toString());
        properties.setProperty("perpflow.venues.grvt.enabled", "true");
        properties.setProperty("perpflow.venues.grvt.rest-url", GRVT.marketDataUrl().toString());
        properties.setProperty("perpflow.venues.grvt.ws-url", GRVT.marketDataWsUrl().toString());
        properties.setProperty("perpflow.venues.grvt.trades-url", GRVT.tradesUrl().toString());
        properties.setProperty("perpflow.venues.grvt.auth-url", GRVT.authUrl().toString());
        return properties;
    }

    @Test
    void fundingOfBothIsCollectedAndAnArbitrageOpensAndClosesAcrossThem() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(getJson("/api/v1/funding-rates/hyperliquid", 200).toString()).contains("BTC").contains("BONK");
            assertThat(getJson("/api/v1/funding-rates/grvt", 200).toString()).contains("BTC").contains("SOL");
        });
        assertThat(intervalHours("hyperliquid", "BTC")).isEqualTo(1);
        assertThat(intervalHours("grvt", "SOL")).isEqualTo(4);
        assertThat(intervalHours("grvt", "BTC")).isEqualTo(8);

        DataSource ds = dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository.User dora = new UserRepository(ds, clock).create("dora", false);
        AccountRepository.Account main = new AccountRepository(ds, audit, clock).create(dora, "main", null, "t");
        CredentialStore credentials = new CredentialStore(ds, new SecretBox(MasterKey.parse(MASTER)), audit, clock);
        credentials.set(main, "hyperliquid", Map.of("private_key", HL_AGENT_KEY, "account_address", HL_ACCOUNT), "t");
        credentials.set(main, "grvt", Map.of("trading_account_id", GRVT_SUB_ACCOUNT, "private_key", GRVT_KEY,
                "api_key", GRVT_API_KEY), "t");
        assertThat(storedSecrets(ds)).as("credentials are stored encrypted").noneMatch(text ->
                text.contains(HL_AGENT_KEY.substring(2)) || text.contains(GRVT_KEY) || text.contains(GRVT_API_KEY));

        send("POST", "/api/v1/strategies", "id: hl-grvt-arb\nstrategy: funding_arbitrage\naccount: dora/main\nconfig:\n"
                + "  scan_exchanges: [hyperliquid, grvt]\n  target_margin: 40\n  max_positions: 1\n"
                + "  min_profit_rate: 0.1\n  min_volume_24h: 0\n  min_oi_usd: 0\n  check_interval_seconds: 2\n"
                + "  min_hold_hours: 0\n  max_position_age_hours: 0.01\n  exclude_symbols: [ETH, SOL, BONK, 2Z, Z]\n");
        // the markets move, so the post-only entry and exit orders fill as makers
        ScheduledExecutorService market = Executors.newSingleThreadScheduledExecutor();
        market.scheduleAtFixedRate(() -> {
            HL_SIM.advance(Duration.ofSeconds(1));
            GRVT_SIM.advance(Duration.ofSeconds(1));
        }, 0, 200, TimeUnit.MILLISECONDS);
        try {
            send("POST", "/api/v1/strategies/hl-grvt-arb/start", null);
            JsonNode[] opened = new JsonNode[1];
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                for (JsonNode position : send("GET", "/api/v1/positions", null).get("positions")) {
                    if (position.get("status").asText().equals("open")) {
                        opened[0] = position;
                        return true;
                    }
                }
                return false;
            });
            assertThat(opened[0].get("long_dex").asText()).isEqualTo("grvt");
            assertThat(opened[0].get("short_dex").asText()).isEqualTo("hyperliquid");
            assertThat(HL_SIM.exchange().positions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isNegative());
            assertThat(GRVT_SIM.exchange().positions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isPositive());

            String id = opened[0].get("id").asText();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(closedPosition(id)).as("position " + id + " closed").isTrue());
            // the run may have entered again since: stopping with close flattens whatever it holds
            send("POST", "/api/v1/strategies/hl-grvt-arb/stop?close_positions=true", null);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(HL_SIM.exchange().positions()).as("hyperliquid flat").isEmpty();
                assertThat(GRVT_SIM.exchange().positions()).as("grvt flat").isEmpty();
            });
        } finally {
            market.shutdownNow();
        }
        assertThat(HL.server().requests()).filteredOn(r -> r.path().equals("/exchange")).isNotEmpty();
        assertThat(GRVT.tradesServer().requests()).filteredOn(r -> r.path().equals("/full/v1/create_order"))
                .isNotEmpty();
        assertThat(HL_SIM.exchange().fillsSince(Instant.EPOCH)).as("hyperliquid took the signed orders").isNotEmpty();
        assertThat(GRVT_SIM.exchange().fillsSince(Instant.EPOCH)).as("grvt took the signed orders").isNotEmpty();
    }

    private boolean closedPosition(String id) throws Exception {
        try (var connection = dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT status FROM strategy_positions WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getString(1).equalsIgnoreCase("closed");
            }
        }
    }

    private int intervalHours(String dex, String symbol) throws Exception {
        try (var connection = dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT r.interval_hours FROM latest_funding_rates r "
                        + "JOIN dexes d ON d.id = r.dex_id JOIN symbols s ON s.id = r.symbol_id "
                        + "WHERE d.name = ? AND s.symbol = ?")) {
            statement.setString(1, dex);
            statement.setString(2, symbol);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(dex + " " + symbol).isTrue();
                return rows.getInt(1);
            }
        }
    }

    private static List<String> storedSecrets(DataSource ds) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (var connection = ds.getConnection(); var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM account_exchange_credentials")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.add(String.valueOf(rows.getObject(i)));
                }
            }
        }
        return out;
    }

    private JsonNode send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isIn(200, 201);
        return JSON.readTree(response.body());
    }
}
