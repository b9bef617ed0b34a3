package dev.perpflow.app.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.execution.DuplicateClientOrderIdException;
import dev.perpflow.execution.JournaledOrder;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.execution.OrderTracker;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import dev.perpflow.risk.TradingState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The PostgreSQL journal keeps the same rules as the in-memory one, and a restart finds every order again. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcOrderJournalTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private TestDatabase db;
    private JdbcOrderJournal journal;

    @BeforeAll
    void start() {
        db = TestDatabase.start();
        journal = new JdbcOrderJournal(db.database().dataSource());
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private static OrderRequest limit(String id) {
        return new OrderRequest(id, "BTC", Side.BUY, BigDecimal.TEN, new BigDecimal("100"), OrderType.LIMIT,
                TimeInForce.GTC, false);
    }

    private static Order report(String id, OrderStatus status, String filled) {
        return new Order("v", id, "x-" + id, "BTC", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, BigDecimal.TEN,
                new BigDecimal("100"), new BigDecimal(filled), new BigDecimal("100"), status, false, null, T, T);
    }

    @Test
    void anIdIsJournaledOnce() {
        journal.recordIntent("v", limit("dup"), "entry", T);
        assertThatThrownBy(() -> journal.recordIntent("v", limit("dup"), "entry", T))
                .isInstanceOf(DuplicateClientOrderIdException.class);
        assertThat(journal.find("v", "dup")).get().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.NEW);
            assertThat(o.purpose()).isEqualTo("entry");
            assertThat(o.request()).isEqualTo(limit("dup"));
        });
    }

    @Test
    void staleAndDuplicateReportsNeverMoveAnOrderBackwards() {
        journal.recordIntent("v", limit("t1"), "entry", T);
        journal.recordOrder(report("t1", OrderStatus.PARTIALLY_FILLED, "4"), T);
        journal.recordOrder(report("t1", OrderStatus.OPEN, "0"), T);
        assertThat(journal.find("v", "t1")).get().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(o.filledQuantity()).isEqualByComparingTo("4");
            assertThat(o.venueOrderId()).isEqualTo("x-t1");
        });
        journal.recordOrder(report("t1", OrderStatus.FILLED, "10"), T);
        journal.recordOrder(report("t1", OrderStatus.CANCELED, "10"), T);
        assertThat(journal.find("v", "t1")).get().extracting(JournaledOrder::status).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void unknownOrdersStayUnresolvedUntilTheVenueAnswers() {
        journal.recordIntent("v", limit("u1"), "hedge", T);
        journal.markUnknown("v", "u1", "timeout after submit", T);
        assertThat(journal.unresolved()).extracting(JournaledOrder::clientOrderId).contains("u1");
        journal.recordOrder(report("u1", OrderStatus.FILLED, "10"), T);
        assertThat(journal.unresolved()).extracting(JournaledOrder::clientOrderId).doesNotContain("u1");
    }

    @Test
    void aFillIsRecordedOncePerTradeId() {
        Fill fill = new Fill("v", "trade-1", "f1", "x", "BTC", Side.BUY, BigDecimal.ONE, new BigDecimal("2"),
                new BigDecimal("0.001"), "USDT", Liquidity.MAKER, T);
        assertThat(journal.recordFill(fill)).isTrue();
        assertThat(journal.recordFill(fill)).isFalse();
        assertThat(journal.fills("v", "f1")).containsExactly(fill);
    }

    @Test
    void theTradingStateSurvivesANewStore() {
        new JdbcTradingStateStore(db.database().dataSource()).save(TradingState.HALTED, "kill switch");
        RiskGuard afterRestart = new RiskGuard(RiskLimits.defaults(),
                new JdbcTradingStateStore(db.database().dataSource()), Clock.systemUTC());
        assertThat(afterRestart.state()).isEqualTo(TradingState.HALTED);
        afterRestart.resume("operator");
        assertThat(new JdbcTradingStateStore(db.database().dataSource()).load()).contains(TradingState.ACTIVE);
    }

    @Test
    void aCrashBetweenSendAndAckIsResolvedAfterRestartWithoutResending() throws Exception {
        SimClock clock = new SimClock(T);
        try (SimExchangeClient sim = SimExchangeClient.manual(SimVenueConfig.defaults("crash", 5), clock)) {
            List<String> alerts = new ArrayList<>();
            RiskGuard risk = new RiskGuard(RiskLimits.defaults(), new JdbcTradingStateStore(db.database().dataSource()),
                    Clock.systemUTC());
            risk.resume("test");
            OrderGateway before = new OrderGateway(Map.of("crash", sim), journal, risk, alerts::add, clock, 1,
                    Duration.ofMillis(1));
            sim.faults().acceptThenTimeoutNext(1).failNextRequests(1);
            OrderIntent intent = new OrderIntent("crash",
                    OrderRequest.market("crash-1", "ETH", Side.SELL, new BigDecimal("1"), false), "entry-short",
                    new BigDecimal("3000"), BigDecimal.ONE);
            assertThat(before.submit(intent).handle((o, e) -> e).get(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(journal.find("crash", "crash-1")).get().extracting(JournaledOrder::status)
                    .isEqualTo(OrderStatus.UNKNOWN);

            // "restart": a new tracker over the same journal reconciles before anything else is sent
            OrderTracker tracker = new OrderTracker(sim, new JdbcOrderJournal(db.database().dataSource()), clock);
            tracker.reconcile().get(5, TimeUnit.SECONDS);
            assertThat(journal.find("crash", "crash-1")).get().extracting(JournaledOrder::status)
                    .isEqualTo(OrderStatus.FILLED);
            assertThat(sim.exchange().fillsSince(T)).hasSize(1);
            assertThat(journal.fills("crash", "crash-1")).hasSize(1);
        }
    }
}
