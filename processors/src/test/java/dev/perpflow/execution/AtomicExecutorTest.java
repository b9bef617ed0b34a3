package dev.perpflow.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimMarketConfig;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import dev.perpflow.risk.TradingStateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two-leg executions between venue {@code a} (BONK traded as 1000BONK, 1000 tokens a contract) and venue {@code b}
 * (BONK by the token): legs are matched in tokens, hedged when one falls short, rolled back when the hedge fails.
 */
class AtomicExecutorTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SimClock clock = new SimClock(START);
    private final SimExchangeClient a = SimExchangeClient.manual(still("a"), clock);
    private final SimExchangeClient b = SimExchangeClient.manual(still("b").withMarkets(m -> m.symbol().equals("BONK")
            ? SimMarketConfig.of("BONK", "0.02", "0.0001") : m), clock);
    private final Map<String, ExchangeClient> venues = Map.of("a", a, "b", b);
    private final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final OrderGateway gateway = new OrderGateway(venues, journal,
            new RiskGuard(new RiskLimits(new BigDecimal("1000000"), 1000), TradingStateStore.inMemory(),
                    Clock.systemUTC()), m -> { }, clock, 3, Duration.ofMillis(10));
    private final OrderExecutor orders = new OrderExecutor(gateway, venues, ExecutorSettings.seed()
            .withPollInterval(Duration.ofMillis(20))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofMillis(800), Duration.ofMillis(100)),
            workers);

    private static SimVenueConfig still(String name) {
        return SimVenueConfig.defaults(name, 11).withPriceProcess(Duration.ofSeconds(1), 0.0);
    }

    @AfterEach
    void close() {
        workers.shutdownNow();
        a.close();
        b.close();
    }

    private static Instrument bonk(SimExchangeClient venue) {
        return venue.exchange().instruments().stream().filter(i -> i.symbol().equals("BONK")).findFirst().orElseThrow();
    }

    private AtomicExecutor atomic(AtomicSettings settings) {
        return new AtomicExecutor(orders, venues, settings, workers);
    }

    private List<LegSpec> legs(ExecutionMode longMode, ExecutionMode shortMode, String id) {
        return List.of(new LegSpec("a", bonk(a), Side.BUY, longMode, id + "-long"),
                new LegSpec("b", bonk(b), Side.SELL, shortMode, id + "-short"));
    }

    private static BigDecimal tokens(SimExchangeClient venue) {
        List<Position> positions = venue.exchange().positions();
        return positions.isEmpty() ? BigDecimal.ZERO
                : positions.get(0).quantity().multiply(bonk(venue).quantityMultiplier());
    }

    @Test
    void bothLegsFillToTheSameTokenQuantityAcrossMultipliers() throws Exception {
        AtomicResult result = atomic(AtomicSettings.seed())
                .execute(legs(ExecutionMode.MARKET, ExecutionMode.MARKET, "e1"), new BigDecimal("500000"), false)
                .get(20, TimeUnit.SECONDS);
        assertThat(result.success()).isTrue();
        assertThat(result.residualImbalance()).isZero();
        // 500,000 BONK = 500 contracts of 1000BONK on a, 500,000 contracts on b
        assertThat(a.exchange().positions().get(0).quantity()).isEqualByComparingTo("500");
        assertThat(b.exchange().positions().get(0).quantity()).isEqualByComparingTo("-500000");
        assertThat(tokens(a).add(tokens(b))).isZero();
    }

    @Test
    void aLegThatFillsFirstStopsTheOtherWhichIsHedgedToTheSameQuantity() throws Exception {
        // the long rests as a simple limit that nothing trades through; the short fills at once
        AtomicResult result = atomic(AtomicSettings.seed())
                .execute(legs(ExecutionMode.SIMPLE_LIMIT, ExecutionMode.MARKET, "e2"), new BigDecimal("500000"), false)
                .get(20, TimeUnit.SECONDS);
        assertThat(result.success()).isTrue();
        assertThat(result.hedged()).isTrue();
        assertThat(result.legTokens()).allSatisfy(t -> assertThat(t).isEqualByComparingTo("500000"));
        assertThat(journal.find("a", "e2-long-l")).get().extracting(JournaledOrder::status)
                .isEqualTo(dev.perpflow.exchange.model.OrderStatus.CANCELED);
        assertThat(journal.find("a", "e2-long-h-a0")).isPresent();
        assertThat(tokens(a).add(tokens(b))).isZero();
        assertThat(result.exposureWindow()).isPositive();
    }

    @Test
    void aRejectedLegIsRolledBackToFlat() throws Exception {
        b.faults().rejectNext(1_000);
        AtomicResult result = atomic(AtomicSettings.seed())
                .execute(legs(ExecutionMode.MARKET, ExecutionMode.MARKET, "e3"), new BigDecimal("500000"), false)
                .get(30, TimeUnit.SECONDS);
        assertThat(result.success()).isFalse();
        assertThat(result.rollbackPerformed()).isTrue();
        assertThat(a.exchange().positions()).as("the filled leg is flat again").isEmpty();
        assertThat(b.exchange().positions()).isEmpty();
        assertThat(result.legTokens()).allSatisfy(t -> assertThat(t).isZero());
        // bought at the ask, sold back at the bid, plus taker fees both ways
        assertThat(result.rollbackCost()).isPositive();
        assertThat(journal.find("a", "e3-long-rb-m")).get().satisfies(o -> assertThat(o.request().reduceOnly()).isTrue());
    }

    @Test
    void anExposureWindowPastTheCapIsRolledBackWithoutHedging() throws Exception {
        b.faults().rejectNext(1_000);
        AtomicResult result = atomic(AtomicSettings.seed().withMaxExposureWindow(Duration.ZERO))
                .execute(legs(ExecutionMode.MARKET, ExecutionMode.MARKET, "e4"), new BigDecimal("500000"), false)
                .get(20, TimeUnit.SECONDS);
        assertThat(result.rollbackPerformed()).isTrue();
        assertThat(journal.find("b", "e4-short-h-a0")).as("no hedge was attempted").isEmpty();
        assertThat(a.exchange().positions()).isEmpty();
    }

    @Test
    void preflightRefusesWhatTheBalanceCannotCarryAndSendsNothing() throws Exception {
        // 24,000,000 BONK × 0.02 = 480,000 USD: / 5 × 1.05 = 100,800 > 100,000 USDT (the book could take it)
        AtomicResult result = atomic(AtomicSettings.seed())
                .execute(legs(ExecutionMode.MARKET, ExecutionMode.MARKET, "e5"), new BigDecimal("24000000"), false)
                .get(20, TimeUnit.SECONDS);
        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("pre-flight").contains("margin");
        assertThat(journal.unresolved()).isEmpty();
        assertThat(journal.find("a", "e5-long-m")).isEmpty();
    }

    @Test
    void preflightRefusesMoreThanTheBookCanTake() throws Exception {
        SimExchangeClient rich = SimExchangeClient.manual(still("rich").withInitialBalance(new BigDecimal("1000000000")),
                clock);
        AtomicExecutor wide = new AtomicExecutor(orders, Map.of("rich", rich, "b", b), AtomicSettings.seed(), workers);
        // 10 levels of 50,000 USD ≈ 25,000,000 tokens per side at 0.02; ask for 100,000,000
        AtomicResult result = wide.execute(List.of(new LegSpec("rich", bonk(rich), Side.BUY, ExecutionMode.MARKET, "d"),
                new LegSpec("b", bonk(b), Side.SELL, ExecutionMode.MARKET, "d2")), new BigDecimal("100000000"), false)
                .get(20, TimeUnit.SECONDS);
        assertThat(result.error()).contains("pre-flight").contains("contracts in the top 20 levels");
        rich.close();
    }

    @Test
    void imbalanceIsMeasuredInTokens() {
        assertThat(AtomicExecutor.imbalance(List.of(new BigDecimal("100"), new BigDecimal("95"))))
                .isEqualByComparingTo("0.05");
        assertThat(AtomicExecutor.imbalance(List.of(BigDecimal.ZERO, BigDecimal.ZERO))).isZero();
    }
}
