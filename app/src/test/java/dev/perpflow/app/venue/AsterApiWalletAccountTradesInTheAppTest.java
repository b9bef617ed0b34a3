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
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.testkit.aster.FakeAster;
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
 * An account whose stored Aster credentials are a V3 API wallet (user, signer, signer key) trades through the
 * app's execution core against a fake Aster that knows only that wallet: every order goes out on the
 * {@code /fapi/v3} paths, EIP-712 signed, and the journal and the venue agree.
 */
class AsterApiWalletAccountTradesInTheAppTest extends AppTestSupport {

    private static final String MASTER = MasterKey.generate();
    // the demo API wallet of Aster's V3 docs (venues.md)
    private static final String USER = "0x63DD5aCC6b1aa0f563956C0e534DD30B6dcF7C4e";
    private static final String SIGNER = "0x21cF8Ae13Bb72632562c6Fff438652Ba1a151bb0";
    private static final String SIGNER_KEY = "0x4fd0a42218f3eae43a6ce26d22544e986139a01e5b34a62db53757ffca81bae1";
    private static final SimExchangeClient SIM = SimExchangeClient.manual(SimVenueConfig.defaults("aster-v3-sim", 43),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeAster ASTER = FakeAster.startApiWallet(SIM, USER, SIGNER);

    @AfterAll
    static void stopFake() {
        ASTER.close();
        SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.master-key", MASTER);
        properties.setProperty("perpflow.venues.aster.enabled", "true");
        properties.setProperty("perpflow.venues.aster.poll-seconds", "3600");
        properties.setProperty("perpflow.venues.aster.rest-url", ASTER.restUrl().toString());
        properties.setProperty("perpflow.venues.aster.ws-url", ASTER.wsUrl().toString());
        properties.setProperty("perpflow.execution.reconcile-tick-millis", "500");
        properties.setProperty("perpflow.execution.reconcile-seconds", "1");
        return properties;
    }

    @Test
    void aDatabaseAccountWithAnApiWalletTradesOnV3Paths() {
        DataSource ds = dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository.User vera = new UserRepository(ds, clock).create("vera", false);
        AccountRepository.Account main = new AccountRepository(ds, audit, clock).create(vera, "main", null, "t");
        new CredentialStore(ds, new SecretBox(MasterKey.parse(MASTER)), audit, clock).set(main, "aster",
                Map.of("user", USER, "signer", SIGNER, "signer_private_key", SIGNER_KEY), "t");
        AccountTrading trading = context.getRegistry().lookupByNameAndType("accountTrading", AccountTrading.class);
        OrderGateway gateway = trading.of("vera/main").execution().gateway();

        BigDecimal touch = SIM.exchange().book("ETH", 1).asks().get(0).price();
        Order filled = gateway.submit(new OrderIntent("aster", OrderRequest.market("v3-mkt-1", "ETH", Side.BUY,
                new BigDecimal("0.05"), false), "test", touch, BigDecimal.ONE)).join();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gateway.journal()
                .find("aster", "v3-mkt-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED));
        assertThat(SIM.exchange().positions()).anySatisfy(p -> assertThat(p.quantity()).isEqualByComparingTo("0.05"));

        BigDecimal far = touch.multiply(new BigDecimal("0.8")).setScale(1, RoundingMode.DOWN);
        Order resting = gateway.submit(new OrderIntent("aster", OrderRequest.limit("v3-lmt-1", "ETH", Side.BUY,
                new BigDecimal("0.05"), far, TimeInForce.GTC), "test", far, BigDecimal.ONE)).join();
        assertThat(resting.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(gateway.cancel("aster", "ETH", "v3-lmt-1").join().status()).isEqualTo(OrderStatus.CANCELED);

        assertThat(ASTER.server().requests()).filteredOn(r -> r.path().endsWith("/order"))
                .isNotEmpty().allSatisfy(r -> {
                    assertThat(r.path()).isEqualTo("/fapi/v3/order");
                    assertThat(r.header("X-MBX-APIKEY")).isEmpty();
                });
    }
}
