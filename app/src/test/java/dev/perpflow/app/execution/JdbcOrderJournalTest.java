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
    void eachOrderAndEachOutcomeItReachesIsCountedOnceForItsAccount() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        JdbcOrderJournal counted = new JdbcOrderJournal(db.database().dataSource(), "alice/main",
                new dev.perpflow.app.metrics.PerpflowMetrics(registry));
        java.util.function.Function<String, Double> orders = outcome -> registry.find("perpflow.orders")
                .tags("venue", "v", "account", "alice/main", "outcome", outcome).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();

        counted.recordIntent("v", limit("m1"), "entry", T);
        counted.recordOrder(report("m1", OrderStatus.OPEN, "0"), T);
        counted.recordOrder(report("m1", OrderStatus.FILLED, "10"), T);
        counted.recordOrder(report("m1", OrderStatus.FILLED, "10"), T);   // the stream and a query both report it
        counted.recordIntent("v", limit("m2"), "entry", T);
        counted.markUnknown("v", "m2", "timeout after submit", T);
        counted.recordOrder(report("m2", OrderStatus.CANCELED, "0"), T);
        counted.recordIntent("v", limit("m3"), "entry", T);
        counted.markRejected("v", "m3", "insufficient margin", T);
        assertThatThrownBy(() -> counted.recordIntent("v", limit("m3"), "entry", T))
                .isInstanceOf(DuplicateClientOrderIdException.class);

        assertThat(orders.apply("submitted")).isEqualTo(3.0);
        assertThat(orders.apply("filled")).isEqualTo(1.0);
        assertThat(orders.apply("unknown")).isEqualTo(1.0);
        assertThat(orders.apply("cancelled")).isEqualTo(1.0);
        assertThat(orders.apply("rejected")).isEqualTo(1.0);
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
    void aTradeIdTheVenueReusesForAnotherOrderIsAFillOfItsOwn() {
        // failed before: fills were unique per (venue, trade id), so after camel-sim restarted its trade counter the
        // new fills were dropped without a word
        Fill first = new Fill("v", "sim-t1", "before-restart", "x1", "BTC", Side.BUY, new BigDecimal("100"),
                BigDecimal.ONE, new BigDecimal("0.01"), "USDT", Liquidity.TAKER, T);
        Fill reused = new Fill("v", "sim-t1", "after-restart", "x2", "BTC", Side.SELL, new BigDecimal("105"),
                new BigDecimal("2"), new BigDecimal("0.02"), "USDT", Liquidity.TAKER, T.plusSeconds(600));
        assertThat(journal.recordFill(first)).isTrue();
        assertThat(journal.recordFill(reused)).isTrue();
        assertThat(journal.fills("v", "before-restart")).containsExactly(first);
        assertThat(journal.fills("v", "after-restart")).containsExactly(reused);
    }

    @Test
    void aTradeIdReusedWithinOneOrderKeepsBothFillsAndTheSameFillTwiceIsOne() {
        Fill fill = new Fill("v", "t-9", "same-order", "x", "BTC", Side.BUY, new BigDecimal("100"), BigDecimal.ONE,
                new BigDecimal("0.01"), "USDT", Liquidity.MAKER, T);
        Fill sameFromRest = new Fill("v", "t-9", "same-order", "x", "BTC", Side.BUY, new BigDecimal("100"),
                BigDecimal.ONE, new BigDecimal("0.01"), "USDT", Liquidity.MAKER, T.plusMillis(300));
        Fill otherTrade = new Fill("v", "t-9", "same-order", "x", "BTC", Side.BUY, new BigDecimal("101"),
                new BigDecimal("3"), new BigDecimal("0.03"), "USDT", Liquidity.MAKER, T.plusSeconds(60));
        assertThat(journal.recordFill(fill)).isTrue();
        assertThat(journal.recordFill(sameFromRest)).as("the stream's and REST's view of one trade").isFalse();
        assertThat(journal.recordFill(otherTrade)).isTrue();
        assertThat(journal.recordFill(otherTrade)).as("a repeated delivery of the reused id").isFalse();
        assertThat(journal.fills("v", "same-order")).extracting(Fill::quantity)
                .containsExactly(BigDecimal.ONE, new BigDecimal("3"));
    }

    @Test
    void theEmbeddedDatabaseCommitsDurably() throws Exception {
        // failed before: the embedded artifact runs with synchronous_commit=off, so the journal's last writes could
        // be lost on a host crash while the venue has the orders
        try (var c = db.database().dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
        }
    }

    @Test
    void aCancelRequestAndAGoneOrderAreKept() {
        journal.recordIntent("v", limit("g1"), "entry", T);
        journal.markCancelRequested("v", "g1", T);
        assertThat(journal.find("v", "g1")).get().extracting(JournaledOrder::cancelRequested).isEqualTo(true);
        journal.markGone("v", "g1", OrderStatus.REJECTED, "the venue never saw it", T);
        assertThat(journal.find("v", "g1")).get().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(o.note()).contains("never saw");
        });
        assertThat(journal.unresolved()).extracting(JournaledOrder::clientOrderId).doesNotContain("g1");
    }

    @Test
    void aCrashBetweenSendAndAckIsResolvedAfterRestartWithoutResending() throws Exception {
        SimClock clock = new SimClock(T);
        try (SimExchangeClient sim = SimExchangeClient.manual(SimVenueConfig.defaults("crash", 5), clock)) {
            List<String> alerts = new ArrayList<>();
            RiskGuard risk = new RiskGuard(RiskLimits.defaults(), dev.perpflow.risk.TradingStateStore.inMemory(),
                    Clock.systemUTC());
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
            OrderGateway after = new OrderGateway(Map.of("crash", sim), new JdbcOrderJournal(db.database().dataSource()),
                    risk, alerts::add, clock, 1, Duration.ofMillis(1));
            OrderTracker tracker = new OrderTracker(sim, after, after.updates(), Runnable::run, clock,
                    Duration.ofMinutes(2));
            tracker.reconcile().get(5, TimeUnit.SECONDS);
            assertThat(journal.find("crash", "crash-1")).get().extracting(JournaledOrder::status)
                    .isEqualTo(OrderStatus.FILLED);
            assertThat(sim.exchange().fillsSince(T)).hasSize(1);
            assertThat(journal.fills("crash", "crash-1")).hasSize(1);
        }
    }
}
