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
import dev.perpflow.testkit.aster.FakeAster;
import dev.perpflow.testkit.backpack.FakeBackpack;
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
 * Orders on both real venues through the app's execution core, against their fakes: an account's market order is
 * journaled, placed, filled and its fills tracked; a resting limit order is placed, seen open and cancelled; the
 * journal and the venue agree on every state.
 */
class VenueOrdersInTheAppTest extends AppTestSupport {

    private static final String MASTER = MasterKey.generate();
    private static final String ASTER_KEY = "orders-aster-key";
    private static final String ASTER_SECRET = "orders-aster-secret";
    // RFC 8032 test 1 key pair (venues.md): Backpack's API key is the base64 Ed25519 public key
    private static final String BACKPACK_PUBLIC = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    private static final String BACKPACK_SECRET = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";
    private static final SimExchangeClient ASTER_SIM = SimExchangeClient.manual(SimVenueConfig.defaults("aster-sim", 41),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final SimExchangeClient BACKPACK_SIM = SimExchangeClient.manual(
            SimVenueConfig.defaults("backpack-sim", 42), new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeAster ASTER = FakeAster.start(ASTER_SIM, ASTER_KEY, ASTER_SECRET);
    private static final FakeBackpack BACKPACK = new FakeBackpack(BACKPACK_SIM, BACKPACK_PUBLIC).start();

    @AfterAll
    static void stopFakes() {
        ASTER.close();
        BACKPACK.close();
        ASTER_SIM.close();
        BACKPACK_SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.master-key", MASTER);
        for (String venue : new String[] {"aster", "backpack"}) {
            properties.setProperty("perpflow.venues." + venue + ".enabled", "true");
            properties.setProperty("perpflow.venues." + venue + ".poll-seconds", "3600");
        }
        properties.setProperty("perpflow.venues.aster.rest-url", ASTER.restUrl().toString());
        properties.setProperty("perpflow.venues.aster.ws-url", ASTER.wsUrl().toString());
        properties.setProperty("perpflow.venues.backpack.rest-url", BACKPACK.baseUrl().toString());
        properties.setProperty("perpflow.venues.backpack.ws-url", BACKPACK.wsUrl().toString());
        properties.setProperty("perpflow.execution.reconcile-tick-millis", "500");
        properties.setProperty("perpflow.execution.reconcile-seconds", "1");
        return properties;
    }

    @Test
    void ordersArePlacedTrackedAndCancelledOnAsterAndBackpack() {
        DataSource ds = dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository.User grace = new UserRepository(ds, clock).create("grace", false);
        AccountRepository.Account main = new AccountRepository(ds, audit, clock).create(grace, "main", null, "t");
        CredentialStore credentials = new CredentialStore(ds, new SecretBox(MasterKey.parse(MASTER)), audit, clock);
        credentials.set(main, "aster", Map.of("api_key", ASTER_KEY, "secret_key", ASTER_SECRET), "t");
        credentials.set(main, "backpack", Map.of("public_key", BACKPACK_PUBLIC, "secret_key", BACKPACK_SECRET), "t");
        AccountTrading trading = context.getRegistry().lookupByNameAndType("accountTrading", AccountTrading.class);
        OrderGateway gateway = trading.of("grace/main").execution().gateway();

        check(gateway, "aster", ASTER_SIM);
        check(gateway, "backpack", BACKPACK_SIM);
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
        assertThat(sim.exchange().openOrders("ETH")).hasSize(1);
        Order cancelled = gateway.cancel(venue, "ETH", venue + "-lmt-1").join();
        assertThat(cancelled.status()).as(venue).isEqualTo(OrderStatus.CANCELED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gateway.journal()
                .find(venue, venue + "-lmt-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(sim.exchange().openOrders("ETH")).isEmpty();
    }
}
