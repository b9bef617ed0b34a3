package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.SecretBox;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.execution.JournaledOrder;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.testkit.edgex.FakeEdgex;
import dev.perpflow.testkit.paradex.FakeParadex;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * A database account whose Paradex and EdgeX credentials are stored (encrypted) in the credential store trades
 * through the app's execution core against FakeParadex and FakeEdgex, which accept only that account's keys and check
 * every signature: a market order is journaled, placed, filled and its fills tracked; a resting limit order is placed,
 * seen open and cancelled; the journal and the venue agree. The process itself has no venue credentials in its
 * environment, so every signed request comes from the stored set.
 */
class ParadexAndEdgexAccountOrdersInTheAppTest extends AppTestSupport {

    private static final String MASTER = MasterKey.generate();
    private static final String PARADEX_KEY = "0x2dccce1da22003777062ee0870e9881b460a8b7eca276870f57c601f182136c";
    private static final String PARADEX_ADDRESS = "0x3a1f7c0b2e9d8c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2";
    private static final long EDGEX_ACCOUNT = 555000222L;
    private static final String EDGEX_TRADING_KEY = "0x4fd0a42218f3eae43a6ce26d22544e986139a01e5b34a62db53757ffca81bae1";
    private static final SimExchangeClient PARADEX_SIM = SimExchangeClient.manual(
            SimVenueConfig.defaults("paradex-sim", 51).withFundingIntervalHours(8),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final SimExchangeClient EDGEX_SIM = SimExchangeClient.manual(
            SimVenueConfig.defaults("edgex-sim", 52).withFundingIntervalHours(4),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeParadex PARADEX = new FakeParadex(PARADEX_SIM, PARADEX_ADDRESS, PARADEX_KEY).start();
    private static final FakeEdgex EDGEX = new FakeEdgex(EDGEX_SIM, EDGEX_ACCOUNT, "acct-key", "acct-pass",
            "acct-secret", EDGEX_TRADING_KEY).start();

    @AfterAll
    static void stopFakes() {
        PARADEX.close();
        EDGEX.close();
        PARADEX_SIM.close();
        EDGEX_SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.master-key", MASTER);
        for (String venue : new String[] {"paradex", "edgex"}) {
            properties.setProperty("perpflow.venues." + venue + ".enabled", "true");
            properties.setProperty("perpflow.venues." + venue + ".poll-seconds", "3600");
        }
        properties.setProperty("perpflow.venues.paradex.rest-url", PARADEX.restUrl().toString());
        properties.setProperty("perpflow.venues.paradex.ws-url", PARADEX.wsUrl().toString());
        properties.setProperty("perpflow.venues.edgex.rest-url", EDGEX.restUrl().toString());
        properties.setProperty("perpflow.venues.edgex.ws-url", EDGEX.wsUrl().toString());
        properties.setProperty("perpflow.execution.reconcile-tick-millis", "500");
        properties.setProperty("perpflow.execution.reconcile-seconds", "1");
        return properties;
    }

    @Test
    void storedCredentialsTradeOnParadexAndEdgexThroughTheExecutionCore() {
        DataSource ds = dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository.User ada = new UserRepository(ds, clock).create("ada", false);
        AccountRepository.Account main = new AccountRepository(ds, audit, clock).create(ada, "main", null, "t");
        CredentialStore credentials = new CredentialStore(ds, new SecretBox(MasterKey.parse(MASTER)), audit, clock);
        credentials.set(main, "paradex", Map.of("l1_address", "0x0000000000000000000000000000000000000002",
                "l2_address", PARADEX_ADDRESS, "l2_private_key_hex", PARADEX_KEY), "t");
        credentials.set(main, "edgex", Map.of("account_id", Long.toString(EDGEX_ACCOUNT), "api_key", "acct-key",
                "api_passphrase", "acct-pass", "api_secret", "acct-secret", "trading_private_key", EDGEX_TRADING_KEY),
                "t");
        AccountTrading trading = context.getRegistry().lookupByNameAndType("accountTrading", AccountTrading.class);
        OrderGateway gateway = trading.of("ada/main").execution().gateway();

        check(gateway, "paradex", PARADEX_SIM);
        check(gateway, "edgex", EDGEX_SIM);

        assertThat(PARADEX.server().requests()).filteredOn(r -> r.path().equals("/v1/orders")
                && r.method().equals("POST")).as("Paradex orders, each STARK-signed").hasSize(2);
        assertThat(EDGEX.server().requests()).filteredOn(r -> r.path().equals("/api/v2/private/order/createOrder"))
                .as("EdgeX orders, each with the API key's HMAC and an EIP-712 signature").hasSize(2)
                .allSatisfy(r -> assertThat(r.header("X-edgeX-Api-Key")).contains("acct-key"));
    }

    private static void check(OrderGateway gateway, String venue, SimExchangeClient sim) {
        BigDecimal touch = sim.exchange().book("ETH", 1).asks().get(0).price();
        Order filled = gateway.submit(new OrderIntent(venue, OrderRequest.market(venue + "-mkt-1", "ETH", Side.BUY,
                new BigDecimal("0.05"), false), "test", touch, BigDecimal.ONE)).join();
        assertThat(filled.status()).as(venue).isEqualTo(OrderStatus.FILLED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JournaledOrder journaled = gateway.journal().find(venue, venue + "-mkt-1").orElseThrow();
            assertThat(journaled.status()).as(venue).isEqualTo(OrderStatus.FILLED);
            assertThat(gateway.journal().fills(venue, venue + "-mkt-1")).as(venue + " fills tracked").isNotEmpty();
        });
        assertThat(sim.exchange().positions()).as(venue + " holds the position")
                .anySatisfy(p -> assertThat(p.quantity()).isEqualByComparingTo("0.05"));

        BigDecimal far = touch.multiply(new BigDecimal("0.8")).setScale(1, RoundingMode.DOWN);
        Order resting = gateway.submit(new OrderIntent(venue, OrderRequest.limit(venue + "-lmt-1", "ETH", Side.BUY,
                new BigDecimal("0.05"), far, TimeInForce.GTC), "test", far, BigDecimal.ONE)).join();
        assertThat(resting.status()).as(venue).isEqualTo(OrderStatus.OPEN);
        assertThat(sim.exchange().openOrders("ETH")).as(venue).hasSize(1);
        Order cancelled = gateway.cancel(venue, "ETH", venue + "-lmt-1").join();
        assertThat(cancelled.status()).as(venue).isEqualTo(OrderStatus.CANCELED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gateway.journal()
                .find(venue, venue + "-lmt-1").orElseThrow().status()).as(venue).isEqualTo(OrderStatus.CANCELED));
        assertThat(sim.exchange().openOrders("ETH")).as(venue).isEmpty();
    }
}
