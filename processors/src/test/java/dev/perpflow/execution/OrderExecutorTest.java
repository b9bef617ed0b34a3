package dev.perpflow.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import dev.perpflow.risk.TradingStateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The three execution modes on a still simulated BTC book (bid 89999 / ask 90001, 0.555 BTC a level; resting
 * orders fill up to ≈ 0.222 BTC a price step; maker 0.005 %, taker 0.04 %).
 */
class OrderExecutorTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SimClock clock = new SimClock(START);
    private final SimExchangeClient sim = SimExchangeClient.manual(SimVenueConfig.defaults("sim", 9)
            .withPriceProcess(Duration.ofSeconds(1), 0.0), clock);
    private final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    private final RiskGuard risk = new RiskGuard(new RiskLimits(new BigDecimal("10000000"), 1000),
            TradingStateStore.inMemory(), Clock.systemUTC());
    private final OrderGateway gateway = new OrderGateway(Map.of("sim", sim), journal, risk, m -> { }, clock, 3,
            Duration.ofMillis(10));
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final OrderExecutor executor = new OrderExecutor(gateway, Map.of("sim", sim), ExecutorSettings.seed()
            .withPollInterval(Duration.ofMillis(20))
            .withTimeouts(Duration.ofMillis(600), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(200)),
            workers);
    private final Instrument btc = sim.exchange().instruments().get(0);

    @AfterEach
    void close() {
        workers.shutdownNow();
        sim.close();
    }

    private ExecutionRequest request(String prefix, Side side, String qty, ExecutionMode mode) {
        return new ExecutionRequest("sim", btc, side, new BigDecimal(qty), false, mode, prefix, "test", false);
    }

    private static ExecutionResult await(CompletableFuture<ExecutionResult> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    @Test
    void marketBuysAtTheAskWithTakerFeesAndNoSlippage() throws Exception {
        ExecutionResult result = await(executor.execute(request("mkt", Side.BUY, "0.1", ExecutionMode.MARKET)));
        assertThat(result.filled()).isTrue();
        assertThat(result.averagePrice()).isEqualByComparingTo("90001");
        assertThat(result.expectedPrice()).isEqualByComparingTo("90001");
        assertThat(result.slippage()).isZero();
        // 0.1 × 90001 × 0.0004
        assertThat(result.fees()).isEqualByComparingTo("3.60004");
        assertThat(result.takerQuantity()).isEqualByComparingTo("0.1");
        assertThat(result.modeUsed()).isEqualTo(ExecutionMode.MARKET);
        assertThat(result.clientOrderIds()).containsExactly("mkt-m");
        assertThat(journal.fills("sim", "mkt-m")).hasSize(1);
    }

    @Test
    void aMarketOrderCutShortFallsBackToALimitForTheRest() throws Exception {
        SimExchangeClient rich = SimExchangeClient.manual(SimVenueConfig.defaults("rich", 9)
                .withPriceProcess(Duration.ofSeconds(1), 0.0).withInitialBalance(new BigDecimal("10000000")), clock);
        OrderGateway g = new OrderGateway(Map.of("rich", rich), journal, risk, m -> { }, clock, 3, Duration.ofMillis(10));
        OrderExecutor e = new OrderExecutor(g, Map.of("rich", rich), ExecutorSettings.seed()
                .withPollInterval(Duration.ofMillis(20))
                .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(200)),
                workers);
        ExecutionResult result = await(e.execute(new ExecutionRequest("rich", btc, Side.BUY, new BigDecimal("6"), false,
                ExecutionMode.MARKET, "big", "test", false)));
        // ten levels of 0.555 fill, the remaining 0.45 rests as a limit and times out
        assertThat(result.filledQuantity()).isEqualByComparingTo("5.55");
        assertThat(result.clientOrderIds()).containsExactly("big-m", "big-m-rest");
        assertThat(result.modeUsed()).isEqualTo(ExecutionMode.SIMPLE_LIMIT);
        assertThat(result.filled()).isFalse();
        assertThat(result.slippage()).isPositive();
        assertThat(journal.find("rich", "big-m-rest")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.CANCELED);
        rich.close();
    }

    @Test
    void simpleLimitRestsInsideTheTouchAndFillsAsMakerWhenThePriceComes() throws Exception {
        CompletableFuture<ExecutionResult> running = executor.execute(
                request("lim", Side.BUY, "0.1", ExecutionMode.SIMPLE_LIMIT));
        // price = 90001 × (1 − 0.0001) = 89991.9999 → 89991 on the tick grid
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> journal.find("sim", "lim-l").map(o -> o.status() == OrderStatus.OPEN).orElse(false));
        assertThat(journal.find("sim", "lim-l")).get().extracting(o -> o.request().price())
                .isEqualTo(new BigDecimal("89991"));
        sim.exchange().setMid("BTC", new BigDecimal("89980"));
        ExecutionResult result = await(running);
        assertThat(result.filled()).isTrue();
        assertThat(result.averagePrice()).isEqualByComparingTo("89991");
        assertThat(result.makerQuantity()).isEqualByComparingTo("0.1");
        assertThat(result.modeUsed()).isEqualTo(ExecutionMode.SIMPLE_LIMIT);
    }

    @Test
    void simpleLimitTimesOutCancelsAndReportsThePartialFill() throws Exception {
        CompletableFuture<ExecutionResult> running = executor.execute(
                request("part", Side.BUY, "0.5", ExecutionMode.SIMPLE_LIMIT));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> journal.find("sim", "part-l").map(o -> o.status() == OrderStatus.OPEN).orElse(false));
        sim.exchange().setMid("BTC", new BigDecimal("89980"));  // one step: ≈ 0.222 of 0.5 fills
        ExecutionResult result = await(running);
        assertThat(result.filled()).isFalse();
        assertThat(result.filledQuantity()).isEqualByComparingTo("0.222");
        assertThat(result.error()).contains("not filled");
        assertThat(journal.find("sim", "part-l")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.CANCELED);
        assertThat(sim.exchange().openOrders(null)).isEmpty();
    }

    @Test
    void aggressiveLimitTakesTheTouchFirst() throws Exception {
        ExecutionResult result = await(executor.execute(request("agg", Side.SELL, "0.2", ExecutionMode.AGGRESSIVE_LIMIT)));
        assertThat(result.filled()).isTrue();
        assertThat(result.averagePrice()).isEqualByComparingTo("89999");
        assertThat(result.clientOrderIds()).containsExactly("agg-a0");
        assertThat(result.modeUsed()).isEqualTo(ExecutionMode.AGGRESSIVE_LIMIT);
    }

    @Test
    void aggressiveLimitRepricesRejectionsAndFallsBackToMarket() throws Exception {
        sim.faults().rejectNext(15);
        ExecutionResult result = await(executor.execute(request("rej", Side.BUY, "0.1", ExecutionMode.AGGRESSIVE_LIMIT)));
        assertThat(result.filled()).isTrue();
        assertThat(result.modeUsed()).isEqualTo(ExecutionMode.MARKET);
        assertThat(result.clientOrderIds()).hasSize(16).endsWith("rej-mf-rest");
        assertThat(journal.find("sim", "rej-a0")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void spreadGuardFollowsTheSeedThresholds() {
        Bbo normal = new Bbo("v", "X", new BigDecimal("100"), BigDecimal.ONE, new BigDecimal("102"), BigDecimal.ONE,
                START);
        Bbo wide = new Bbo("v", "X", new BigDecimal("100"), BigDecimal.ONE, new BigDecimal("102.5"), BigDecimal.ONE,
                START);
        Bbo crossed = new Bbo("v", "X", new BigDecimal("101"), BigDecimal.ONE, new BigDecimal("100"), BigDecimal.ONE,
                START);
        assertThat(SpreadGuard.check(normal, false)).isNull();   // 2 / 101 = 1.98 %
        assertThat(SpreadGuard.check(wide, false)).contains("wide spread");
        assertThat(SpreadGuard.check(wide, true)).isNull();      // 2.47 % is allowed for emergencies
        assertThat(SpreadGuard.check(crossed, true)).contains("invalid book");
    }

    @Test
    void ordersThatBoundExposureAreSentAsCriticalForTheVenuesRateBudget() throws Exception {
        await(executor.execute(new ExecutionRequest("sim", btc, Side.BUY, new BigDecimal("0.1"), false,
                ExecutionMode.MARKET, "hedge", "hedge", true)));
        await(executor.execute(ExecutionRequest.protective("sim", btc, Side.SELL, new BigDecimal("0.1"),
                ExecutionMode.MARKET, "rollback", "rollback")));
        await(executor.execute(request("entry", Side.BUY, "0.1", ExecutionMode.MARKET)));
        assertThat(journal.find("sim", "hedge-m").orElseThrow().request().critical()).isTrue();
        assertThat(journal.find("sim", "rollback-m").orElseThrow().request().critical()).isTrue();
        assertThat(journal.find("sim", "entry-m").orElseThrow().request().critical()).isFalse();
    }
}
