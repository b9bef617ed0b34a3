package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.lighter.signer.LighterKey;
import dev.perpflow.testkit.lighter.FakeLighter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A database account whose stored (encrypted) Lighter credentials are an API key of its own trades through the app's
 * execution core against a fake Lighter that knows only that key's public key: a market order fills, a limit rests
 * and is cancelled, journal and venue agree; an account holding another private key for the same API key index is
refused by the venue (signature and auth token) and places nothing.
 */
class LighterDatabaseAccountTradesInTheAppTest extends AppTestSupport {

    private static final String MASTER = MasterKey.generate();
    private static final LighterKey KEY = LighterKey.generate();
    private static final SimExchangeClient SIM = SimExchangeClient.manual(FakeLighter.defaultConfig("lighter-db", 47),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeLighter LIGHTER = new FakeLighter(SIM, 4_242, 5, KEY.publicKey()).start();

    @AfterAll
    static void stopFake() {
        LIGHTER.close();
        SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.master-key", MASTER);
        properties.setProperty("perpflow.venues.lighter.enabled", "true");
        properties.setProperty("perpflow.venues.lighter.poll-seconds", "3600");
        properties.setProperty("perpflow.venues.lighter.rest-url", LIGHTER.baseUrl().toString());
        properties.setProperty("perpflow.venues.lighter.ws-url", LIGHTER.wsUrl().toString());
        properties.setProperty("perpflow.venues.lighter.requests-per-minute", "100000");
        properties.setProperty("perpflow.execution.reconcile-tick-millis", "500");
        properties.setProperty("perpflow.execution.reconcile-seconds", "1");
        return properties;
    }

    @Test
    void aDatabaseAccountTradesWithItsStoredKeyAndAnotherKeyIsRefused() {
        DataSource ds = dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        AccountRepository accounts = new AccountRepository(ds, audit, clock);
        CredentialStore store = new CredentialStore(ds, new SecretBox(MasterKey.parse(MASTER)), audit, clock);
        UserRepository.User lena = new UserRepository(ds, clock).create("lena", false);
        AccountRepository.Account main = accounts.create(lena, "main", null, "t");
        store.set(main, "lighter", Map.of("private_key", KEY.privateKeyHex(), "account_index", "4242",
                "api_key_index", "5"), "t");
        AccountRepository.Account stolen = accounts.create(lena, "stolen", null, "t");
        store.set(stolen, "lighter", Map.of("private_key", LighterKey.generate().privateKeyHex(),
                "account_index", "4242", "api_key_index", "5"), "t");
        AccountTrading trading = context.getRegistry().lookupByNameAndType("accountTrading", AccountTrading.class);
        OrderGateway gateway = trading.of("lena/main").execution().gateway();

        BigDecimal touch = SIM.exchange().book("ETH", 1).asks().get(0).price();
        Order filled = gateway.submit(new OrderIntent("lighter", OrderRequest.market("lt-mkt-1", "ETH", Side.BUY,
                new BigDecimal("0.05"), false), "test", touch, BigDecimal.ONE)).join();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gateway.journal()
                .find("lighter", "lt-mkt-1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED));
        assertThat(SIM.exchange().positions()).anySatisfy(p -> assertThat(p.quantity()).isEqualByComparingTo("0.05"));

        BigDecimal far = touch.multiply(new BigDecimal("0.8")).setScale(1, RoundingMode.DOWN);
        Order resting = gateway.submit(new OrderIntent("lighter", OrderRequest.limit("lt-lmt-1", "ETH", Side.BUY,
                new BigDecimal("0.05"), far, TimeInForce.GTC), "test", far, BigDecimal.ONE)).join();
        assertThat(resting.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(SIM.exchange().openOrders("ETH")).hasSize(1);
        assertThat(gateway.cancel("lighter", "ETH", "lt-lmt-1").join().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(SIM.exchange().openOrders("ETH")).isEmpty();
        assertThat(LIGHTER.nextNonce(5)).as("three signed transactions accepted").isGreaterThanOrEqualTo(3);

        // the venue refuses the transaction's signature and the auth token of the look-ups (the gateway treats an
        // authentication failure of a submit as an unknown outcome and queries: those are refused too)
        long nonce = LIGHTER.nextNonce(5);
        OrderGateway thief = trading.of("lena/stolen").execution().gateway();
        assertThatThrownBy(() -> thief.submit(new OrderIntent("lighter", OrderRequest.limit("lt-lmt-2", "ETH",
                Side.BUY, new BigDecimal("0.05"), far, TimeInForce.GTC), "test", far, BigDecimal.ONE)).join())
                .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(AuthenticationException.class));
        assertThat(SIM.exchange().openOrders("ETH")).as("nothing placed with the wrong key").isEmpty();
        assertThat(LIGHTER.nextNonce(5)).as("no transaction of the wrong key accepted").isEqualTo(nonce);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
