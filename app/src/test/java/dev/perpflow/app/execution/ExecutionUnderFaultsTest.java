package dev.perpflow.app.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimFaults.Fault;
import dev.perpflow.component.sim.SimOperation;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.execution.AtomicExecutor;
import dev.perpflow.execution.AtomicRequest;
import dev.perpflow.execution.AtomicResult;
import dev.perpflow.execution.AtomicSettings;
import dev.perpflow.execution.ExecutionMode;
import dev.perpflow.execution.ExecutionRequest;
import dev.perpflow.execution.ExecutionResult;
import dev.perpflow.execution.ExecutorSettings;
import dev.perpflow.execution.JournaledOrder;
import dev.perpflow.execution.LegSpec;
import dev.perpflow.execution.OrderExecutor;
import dev.perpflow.execution.TradingControl;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.OrderStatus;
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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The execution core under the faults venues have in production, with the journal on the real embedded PostgreSQL:
 * whichever way an execution ends, no order is left working that it does not report, and a two-leg entry ends
 * hedged or rolled back. Each test failed on the executor that walked away from its orders (commit f479452).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionUnderFaultsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private TestDatabase db;
    private final SimClock clock = new SimClock(START);
    private SimExchangeClient a;
    private SimExchangeClient b;
    private ExecutionCore core;
    private RiskGuard risk;
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private OrderExecutor executor;

    @BeforeAll
    void database() {
        db = TestDatabase.start();
    }

    @AfterAll
    void stopDatabase() {
        workers.shutdownNow();
        db.close();
    }

    /** Fresh venues and a fresh account each test, so no test sees another's orders. */
    private void venues(boolean streams) {
        venues(streams, UnaryOperator.identity(), UnaryOperator.identity());
    }

    private void venues(boolean streams, UnaryOperator<SimVenueConfig> tweakA, UnaryOperator<SimVenueConfig> tweakB) {
        a = SimExchangeClient.manual(tweakA.apply(still("a")), clock);
        b = SimExchangeClient.manual(tweakB.apply(still("b")), clock);
        if (!streams) {
            a.dropStreams();
            b.dropStreams();
        }
        Map<String, ExchangeClient> venues = Map.of("a", a, "b", b);
        risk = new RiskGuard(RiskLimits.defaults(), TradingStateStore.inMemory(), Clock.systemUTC());
        String account = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        core = new ExecutionCore(account, venues, new JdbcOrderJournal(db.database().dataSource(), account), risk,
                alerts::add, Duration.ofSeconds(60), clock);
        executor = new OrderExecutor(core.gateway(), venues, ExecutorSettings.seed()
                .withPollInterval(Duration.ofMillis(20))
                .withTimeouts(Duration.ofMillis(600), Duration.ofMillis(800), Duration.ofMillis(800),
                        Duration.ofMillis(100))
                .withCallTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)), workers);
    }

    @AfterEach
    void closeVenues() {
        core.close();
        a.close();
        b.close();
        alerts.clear();
    }

    private static SimVenueConfig still(String name) {
        return SimVenueConfig.defaults(name, 17).withPriceProcess(Duration.ofSeconds(1), 0.0);
    }

    private static Instrument eth(SimExchangeClient venue) {
        return venue.exchange().instruments().stream().filter(i -> i.symbol().equals("ETH")).findFirst().orElseThrow();
    }

    /** A buy limit 2 % under the ask: it rests and nothing trades through it. */
    private ExecutionRequest restingBuy(SimExchangeClient venue, String prefix) {
        BigDecimal below = venue.exchange().book("ETH", 1).bbo().orElseThrow().ask().multiply(new BigDecimal("0.98"));
        return new ExecutionRequest(venue.venue(), eth(venue), Side.BUY, new BigDecimal("0.5"), false,
                ExecutionMode.SIMPLE_LIMIT, prefix, "entry", false, below, false);
    }

    private ExecutionResult run(ExecutionRequest request) throws Exception {
        return executor.execute(request).get(30, TimeUnit.SECONDS);
    }

    private JournaledOrder journaled(String venue, String id) {
        return core.gateway().journal().find(venue, id).orElseThrow();
    }

    private static BigDecimal position(SimExchangeClient venue) {
        return venue.exchange().positions().stream().filter(p -> p.symbol().equals("ETH")).map(Position::quantity)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    @Test
    void aSubmitWhoseAnswerNeverArrivesIsCancelledInsteadOfLeftWorking() throws Exception {
        venues(true);
        a.faults().failNext(SimOperation.SUBMIT, 1, Fault.ACCEPT_THEN_HANG);
        ExecutionResult result = run(restingBuy(a, "lost"));
        assertThat(result.filled()).isFalse();
        assertThat(a.exchange().openOrders(null)).as("nothing left working at the venue").isEmpty();
        assertThat(result.settled()).isTrue();
        assertThat(journaled("a", "lost-l").status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aRateLimitedQueryWhileWaitingEndsWithTheOrderCancelled() throws Exception {
        venues(false);    // no stream: the executor polls, and the venue answers 429
        a.faults().failNext(SimOperation.QUERY, 1_000, Fault.RATE_LIMITED);
        ExecutionResult result = run(restingBuy(a, "q429"));
        assertThat(result.filled()).isFalse();
        assertThat(result.error()).contains("rate limit");
        assertThat(a.exchange().openOrders(null)).isEmpty();
        assertThat(journaled("a", "q429-l").status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void fillsThatCannotBeFetchedStillGiveAResultFromTheOrdersOwnReports() throws Exception {
        venues(false);
        a.faults().failNext(SimOperation.FILLS, 1_000, Fault.UNAVAILABLE);
        ExecutionResult result = run(new ExecutionRequest("a", eth(a), Side.BUY, new BigDecimal("0.5"), false,
                ExecutionMode.MARKET, "nofills", "entry", false));
        assertThat(result.filled()).isTrue();
        assertThat(result.filledQuantity()).isEqualByComparingTo("0.5");
        assertThat(result.averagePrice()).isNotNull();
        assertThat(position(a)).isEqualByComparingTo("0.5");
    }

    @Test
    void fillsComeFromTheStreamWithoutAskingTheVenue() throws Exception {
        venues(true);
        a.faults().failNext(SimOperation.FILLS, 1_000, Fault.UNAVAILABLE);
        a.faults().failNext(SimOperation.QUERY, 1_000, Fault.UNAVAILABLE);
        ExecutionResult result = run(new ExecutionRequest("a", eth(a), Side.BUY, new BigDecimal("0.5"), false,
                ExecutionMode.MARKET, "streamed", "entry", false));
        assertThat(result.filled()).isTrue();
        assertThat(result.fees()).as("the fees of the streamed fills").isPositive();
    }

    @Test
    void aCancelThatKeepsFailingIsReportedAlertedAndCarriedOutWhenTheVenueAnswersAgain() throws Exception {
        venues(true);
        a.faults().failNext(SimOperation.CANCEL, 1_000, Fault.UNAVAILABLE);
        ExecutionResult result = run(restingBuy(a, "stuck"));
        assertThat(result.settled()).isFalse();
        assertThat(result.unresolvedOrderIds()).containsExactly("stuck-l");
        assertThat(alerts).anySatisfy(alert -> assertThat(alert).contains("stuck-l"));
        assertThat(journaled("a", "stuck-l").cancelRequested()).isTrue();
        assertThat(a.exchange().openOrders(null)).hasSize(1);

        a.faults().clear();
        core.reconcileDue();
        await().atMost(Duration.ofSeconds(5)).until(() -> a.exchange().openOrders(null).isEmpty());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> journaled("a", "stuck-l").status() == OrderStatus.CANCELED);
    }

    @Test
    void aLegThatBreaksMidwayIsHedgedAndNothingIsLeftWorking() throws Exception {
        venues(false);
        b.faults().failNext(SimOperation.QUERY, 1_000, Fault.RATE_LIMITED);
        BigDecimal below = b.exchange().book("ETH", 1).bbo().orElseThrow().bid().multiply(new BigDecimal("1.02"));
        AtomicResult result = new AtomicExecutor(executor, Map.of("a", a, "b", b), AtomicSettings.seed(), workers)
                .execute(AtomicRequest.open(List.of(new LegSpec("a", eth(a), Side.BUY, ExecutionMode.MARKET, "mid-l"),
                        new LegSpec("b", eth(b), Side.SELL, ExecutionMode.SIMPLE_LIMIT, "mid-s", below)),
                        new BigDecimal("0.5"), 5))
                .get(60, TimeUnit.SECONDS);
        assertThat(a.exchange().openOrders(null)).isEmpty();
        assertThat(b.exchange().openOrders(null)).isEmpty();
        assertThat(position(a).add(position(b))).as("delta neutral or flat").isZero();
        assertThat(result.confirmed()).isTrue();
        assertThat(result.success() ? result.legTokens() : List.of(position(a), position(b)))
                .allSatisfy(t -> assertThat(t.abs()).isIn(new BigDecimal("0.5"), BigDecimal.ZERO));
    }

    @Test
    void aPartialFillOnOneLegAndARejectOnTheOtherEndFlat() throws Exception {
        // at most 1,000 USD of a resting order fills per price move: one move fills a part of 2 ETH
        venues(true, c -> c.withBook(20, new BigDecimal("50000"), new BigDecimal("1000")), UnaryOperator.identity());
        b.faults().rejectNext(1_000);
        BigDecimal ask = a.exchange().book("ETH", 1).bbo().orElseThrow().ask();
        BigDecimal limit = ask.multiply(new BigDecimal("0.99")).setScale(eth(a).tickSize().scale(),
                java.math.RoundingMode.DOWN);
        var running = new AtomicExecutor(executor, Map.of("a", a, "b", b), AtomicSettings.seed(), workers)
                .execute(AtomicRequest.open(List.of(
                        new LegSpec("a", eth(a), Side.BUY, ExecutionMode.SIMPLE_LIMIT, "part-l", limit),
                        new LegSpec("b", eth(b), Side.SELL, ExecutionMode.MARKET, "part-s")), new BigDecimal("2"), 5));
        await().until(() -> !a.exchange().openOrders(null).isEmpty());
        a.exchange().setMid("ETH", limit.multiply(new BigDecimal("0.995")));   // trades through: a part fills
        AtomicResult result = running.get(60, TimeUnit.SECONDS);
        assertThat(result.success()).isFalse();
        assertThat(result.legs().get(0).filledQuantity()).as("partly filled").isPositive()
                .isLessThan(new BigDecimal("2"));
        assertThat(result.rollbackPerformed()).isTrue();
        assertThat(result.flat()).isTrue();
        assertThat(position(a)).isZero();
        assertThat(position(b)).isZero();
        assertThat(a.exchange().openOrders(null)).isEmpty();
    }

    @Test
    void aRollbackThatFailsReportsTheNakedLegAsHeldAndAlerts() throws Exception {
        venues(true);
        b.faults().rejectNext(1_000);
        a.faults().failAfter(SimOperation.SUBMIT, 1, 1_000, Fault.UNAVAILABLE);    // the entry goes, the rollback not
        AtomicResult result = new AtomicExecutor(executor, Map.of("a", a, "b", b), AtomicSettings.seed(), workers)
                .execute(AtomicRequest.open(List.of(new LegSpec("a", eth(a), Side.BUY, ExecutionMode.MARKET, "rb-l"),
                        new LegSpec("b", eth(b), Side.SELL, ExecutionMode.MARKET, "rb-s")), new BigDecimal("0.5"), 5))
                .get(60, TimeUnit.SECONDS);
        assertThat(result.success()).isFalse();
        assertThat(result.flat()).isFalse();
        assertThat(result.legTokens().get(0)).isEqualByComparingTo("0.5");
        assertThat(result.error()).contains("naked");
        assertThat(alerts).anySatisfy(alert -> assertThat(alert).contains("naked"));
        assertThat(position(a)).isEqualByComparingTo("0.5");
    }

    @Test
    void aHaltDuringAnEntryCancelsTheWorkingLegAndRollsTheFilledOneBack() throws Exception {
        // venue b answers after 800 ms: the long leg on a has filled while the short leg is still being worked
        venues(true, UnaryOperator.identity(), c -> c.withLatency(Duration.ofMillis(800), Duration.ZERO));
        BigDecimal above = b.exchange().book("ETH", 1).bbo().orElseThrow().bid().multiply(new BigDecimal("1.02"));
        var running = new AtomicExecutor(executor, Map.of("a", a, "b", b), AtomicSettings.seed(), workers)
                .execute(AtomicRequest.open(List.of(new LegSpec("a", eth(a), Side.BUY, ExecutionMode.MARKET, "h-l"),
                        new LegSpec("b", eth(b), Side.SELL, ExecutionMode.SIMPLE_LIMIT, "h-s", above)),
                        new BigDecimal("0.5"), 5));
        await().until(() -> position(a).signum() != 0);
        new TradingControl(risk, core.gateway()).halt("kill switch").get(10, TimeUnit.SECONDS);
        AtomicResult result = running.get(60, TimeUnit.SECONDS);
        assertThat(result.success()).isFalse();
        assertThat(result.rollbackPerformed()).as("the hedge is refused, the protective rollback is not").isTrue();
        assertThat(result.flat()).isTrue();
        assertThat(position(a)).isZero();
        assertThat(position(b)).isZero();
        assertThat(b.exchange().openOrders(null)).isEmpty();
    }

    @Test
    void everyWatchIsClosedWhenTheExecutionEnds() throws Exception {
        venues(true);
        run(restingBuy(a, "w"));
        assertThat(core.gateway().updates().watching()).isZero();
    }
}
