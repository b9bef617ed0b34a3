package dev.perpflow.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimFaults;
import dev.perpflow.component.sim.SimOperation;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import dev.perpflow.risk.RiskRejectedException;
import dev.perpflow.risk.TradingState;
import dev.perpflow.risk.TradingStateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Orders are journaled before they are sent, never doubled, and unknown outcomes are resolved by query. */
class OrderGatewayTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final BigDecimal PRICE = new BigDecimal("90000");

    private final SimClock clock = new SimClock(START);
    private final SimExchangeClient sim = SimExchangeClient.manual(SimVenueConfig.defaults("sim", 3)
            .withPriceProcess(Duration.ofSeconds(1), 0.0), clock);
    private final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final TradingStateStore states = TradingStateStore.inMemory();
    private final RiskGuard risk = new RiskGuard(RiskLimits.defaults(), states, Clock.systemUTC());
    private final OrderGateway gateway = new OrderGateway(Map.of("sim", sim), journal, risk, alerts::add, clock, 3,
            Duration.ofMillis(10));

    @AfterEach
    void close() {
        sim.close();
    }

    /** A tracker writing the journal on the calling thread, fed by the sim's stream. */
    private OrderTracker tracker(SimExchangeClient venue) {
        return new OrderTracker(venue, gateway, gateway.updates(), Runnable::run, clock, Duration.ofMinutes(2));
    }

    private static OrderIntent market(String id, Side side, String qty) {
        return new OrderIntent("sim", OrderRequest.market(id, "BTC", side, new BigDecimal(qty), false), "test", PRICE,
                BigDecimal.ONE);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        return ExchangeException.unwrap(future.handle((v, e) -> e).join());
    }

    @Test
    void theOrderIsJournaledBeforeTheVenueSeesIt() throws Exception {
        try (SimExchangeClient slow = SimExchangeClient.manual(SimVenueConfig.defaults("slow", 3)
                .withLatency(Duration.ofMillis(300), Duration.ZERO), new SimClock(START))) {
            OrderGateway g = new OrderGateway(Map.of("slow", slow), journal, risk, alerts::add, clock, 3,
                    Duration.ofMillis(10));
            CompletableFuture<Order> sent = g.submit(new OrderIntent("slow",
                    OrderRequest.market("j-1", "BTC", Side.BUY, new BigDecimal("0.01"), false), "test", PRICE,
                    BigDecimal.ONE));
            assertThat(journal.find("slow", "j-1")).get().extracting(JournaledOrder::status).isEqualTo(OrderStatus.NEW);
            assertThat(slow.exchange().openOrders(null)).isEmpty();
            assertThat(slow.exchange().fillsSince(START)).isEmpty();
            assertThat(sent.get(5, TimeUnit.SECONDS).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(journal.find("slow", "j-1")).get().satisfies(o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                assertThat(o.filledQuantity()).isEqualByComparingTo("0.01");
                assertThat(o.venueOrderId()).isNotNull();
            });
        }
    }

    @Test
    void aTimeoutAfterAcceptIsResolvedByQueryWithExactlyOneOrder() throws Exception {
        sim.faults().acceptThenTimeoutNext(1);
        Order order = gateway.submit(market("u-1", Side.BUY, "0.1")).get(5, TimeUnit.SECONDS);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(sim.exchange().fillsSince(START)).hasSize(1);
        assertThat(sim.exchange().positions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.1"));
        assertThat(journal.find("sim", "u-1")).get().extracting(JournaledOrder::status).isEqualTo(OrderStatus.FILLED);
        assertThat(alerts).isEmpty();
    }

    @Test
    void anOutcomeThatStaysUnknownRaisesAnAlertAndIsNeverResent() {
        sim.faults().acceptThenTimeoutNext(1);
        sim.faults().failNextRequests(3);  // the three resolving queries all fail
        Throwable failure = failure(gateway.submit(market("u-2", Side.BUY, "0.1")));
        assertThat(failure).isInstanceOf(UnknownOutcomeException.class).hasMessageContaining("will not be resent");
        assertThat(journal.find("sim", "u-2")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.UNKNOWN);
        assertThat(alerts).singleElement().asString().contains("u-2");
        assertThat(sim.exchange().fillsSince(START)).as("placed once by the venue, never twice").hasSize(1);
    }

    @Test
    void aJournaledClientOrderIdIsNeverSentAgain() throws Exception {
        gateway.submit(market("d-1", Side.BUY, "0.1")).get(5, TimeUnit.SECONDS);
        assertThat(failure(gateway.submit(market("d-1", Side.BUY, "0.1"))))
                .isInstanceOf(DuplicateClientOrderIdException.class);
        assertThat(sim.exchange().fillsSince(START)).hasSize(1);
    }

    @Test
    void rejectionsAndRateLimitsAreJournaledAsNotPlaced() {
        sim.faults().rejectNext(1);
        assertThat(failure(gateway.submit(market("r-1", Side.BUY, "0.1")))).isInstanceOf(OrderRejectedException.class);
        sim.faults().rateLimitNext(1, Duration.ofSeconds(1));
        assertThat(failure(gateway.submit(market("r-2", Side.BUY, "0.1")))).isInstanceOf(RateLimitedException.class);
        assertThat(journal.find("sim", "r-1")).get().extracting(JournaledOrder::status).isEqualTo(OrderStatus.REJECTED);
        assertThat(journal.find("sim", "r-2")).get().extracting(JournaledOrder::note).asString()
                .contains("rate limited");
        assertThat(journal.unresolved()).isEmpty();
    }

    @Test
    void refusedCredentialsAreANotPlacedOrderAndAnAlertNotAnUnknownOutcome() {
        sim.faults().failNext(SimOperation.SUBMIT, 1, SimFaults.Fault.CREDENTIALS_REFUSED);

        assertThat(failure(gateway.submit(market("k-1", Side.BUY, "0.1")))).isInstanceOf(AuthenticationException.class);

        assertThat(journal.find("sim", "k-1")).get().extracting(JournaledOrder::status).isEqualTo(OrderStatus.REJECTED);
        assertThat(journal.unresolved()).as("nothing left to query").isEmpty();
        assertThat(sim.exchange().openOrders(null)).isEmpty();
        assertThat(alerts).singleElement().asString().contains("k-1").contains("credentials");
    }

    @Test
    void onlySubmitsTheVenueAnsweredAreReportedAsAcknowledgements() throws Exception {
        List<String> acked = new CopyOnWriteArrayList<>();
        List<Duration> took = new CopyOnWriteArrayList<>();
        try (SimExchangeClient slow = SimExchangeClient.manual(SimVenueConfig.defaults("slow", 3)
                .withLatency(Duration.ofMillis(50), Duration.ZERO), new SimClock(START))) {
            OrderGateway g = new OrderGateway("default", Map.of("slow", slow), journal, risk, alerts::add, clock,
                    OrderUpdates.none(), 3, Duration.ofMillis(10), Runnable::run, (venue, elapsed) -> {
                        acked.add(venue);
                        took.add(elapsed);
                    });
            OrderIntent placed = new OrderIntent("slow", OrderRequest.market("a-1", "BTC", Side.BUY,
                    new BigDecimal("0.01"), false), "test", PRICE, BigDecimal.ONE);
            g.submit(placed).get(5, TimeUnit.SECONDS);
            slow.faults().rejectNext(1);
            failure(g.submit(new OrderIntent("slow", OrderRequest.market("a-2", "BTC", Side.BUY,
                    new BigDecimal("0.01"), false), "test", PRICE, BigDecimal.ONE)));
            slow.faults().rateLimitNext(1, Duration.ofSeconds(1));
            failure(g.submit(new OrderIntent("slow", OrderRequest.market("a-3", "BTC", Side.BUY,
                    new BigDecimal("0.01"), false), "test", PRICE, BigDecimal.ONE)));
            slow.faults().acceptThenTimeoutNext(1);
            g.submit(new OrderIntent("slow", OrderRequest.market("a-4", "BTC", Side.BUY, new BigDecimal("0.01"),
                    false), "test", PRICE, BigDecimal.ONE)).get(5, TimeUnit.SECONDS);
        }

        assertThat(acked).as("placed and refused; not rate limited, not timed out").containsExactly("slow", "slow");
        assertThat(took.get(0)).as("the venue's latency is in it").isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void riskRefusalsHappenBeforeTheJournal() {
        OrderIntent huge = market("big", Side.BUY, "1");
        OrderIntent capped = new OrderIntent("sim", huge.request(), "test", new BigDecimal("900000"), BigDecimal.ONE);
        assertThat(failure(gateway.submit(capped))).isInstanceOf(RiskRejectedException.class)
                .hasMessageContaining("exceeds the limit");
        assertThat(journal.find("sim", "big")).isEmpty();
    }

    @Test
    void aCancelRacedByAFillEndsFilledWithTheFillRecorded() throws Exception {
        OrderTracker tracker = tracker(sim);
        sim.subscribeOrders(tracker);
        OrderRequest resting = OrderRequest.limit("c-1", "BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("89900"), TimeInForce.GTC);
        gateway.submit(new OrderIntent("sim", resting, "test", new BigDecimal("89900"), BigDecimal.ONE))
                .get(5, TimeUnit.SECONDS);
        sim.exchange().setMid("BTC", new BigDecimal("89800"));  // trades through: filled before the cancel lands
        Order afterCancel = gateway.cancel("sim", "BTC", "c-1").get(5, TimeUnit.SECONDS);
        assertThat(afterCancel.status()).isEqualTo(OrderStatus.FILLED);
        tracker.reconcile().get(5, TimeUnit.SECONDS);
        assertThat(journal.find("sim", "c-1")).get().extracting(JournaledOrder::status).isEqualTo(OrderStatus.FILLED);
        assertThat(journal.fills("sim", "c-1")).hasSize(1);
        assertThat(sim.exchange().positions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.1"));
    }

    @Test
    void haltCancelsOpenOrdersRefusesNewOnesAndSurvivesARestart() throws Exception {
        OrderRequest resting = OrderRequest.limit("h-1", "BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("80000"), TimeInForce.GTC);
        gateway.submit(new OrderIntent("sim", resting, "test", new BigDecimal("80000"), BigDecimal.ONE))
                .get(5, TimeUnit.SECONDS);
        new TradingControl(risk, gateway).halt("test halt").get(5, TimeUnit.SECONDS);
        assertThat(sim.exchange().openOrders(null)).isEmpty();
        assertThat(journal.find("sim", "h-1")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.CANCELED);
        assertThat(failure(gateway.submit(market("h-2", Side.BUY, "0.1")))).isInstanceOf(RiskRejectedException.class)
                .hasMessageContaining("halted");

        RiskGuard afterRestart = new RiskGuard(RiskLimits.defaults(), states, Clock.systemUTC());
        assertThat(afterRestart.state()).isEqualTo(TradingState.HALTED);
        afterRestart.reduceOnly(RiskGuard.GLOBAL, "sneaky");
        assertThat(afterRestart.state()).as("only a resume leaves a halt").isEqualTo(TradingState.HALTED);
        afterRestart.resume(RiskGuard.GLOBAL, "operator");
        assertThat(afterRestart.state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void aDroppedStreamIsMadeUpByReconciliation() throws Exception {
        OrderTracker tracker = tracker(sim);
        sim.subscribeOrders(tracker);
        await().atMost(Duration.ofSeconds(2)).until(tracker::isStreamUp);
        OrderRequest resting = OrderRequest.limit("s-1", "BTC", Side.SELL, new BigDecimal("0.2"),
                new BigDecimal("90100"), TimeInForce.GTC);
        gateway.submit(new OrderIntent("sim", resting, "test", new BigDecimal("90100"), BigDecimal.ONE))
                .get(5, TimeUnit.SECONDS);
        sim.dropStreams();
        await().atMost(Duration.ofSeconds(2)).until(() -> !tracker.isStreamUp());
        sim.exchange().setMid("BTC", new BigDecimal("90200"));
        assertThat(journal.find("sim", "s-1")).get().extracting(JournaledOrder::status).isEqualTo(OrderStatus.OPEN);
        assertThat(tracker.reconcile().get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(journal.find("sim", "s-1")).get().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.filledQuantity()).isEqualByComparingTo("0.2");
        });
        assertThat(journal.fills("sim", "s-1")).isNotEmpty();
    }

    @Test
    void reconciliationEndsOrdersTheVenueDoesNotKnowOnceTheyAreOldEnough() throws Exception {
        // failed before: orders the venue did not know stayed OPEN or NEW in the journal for good
        OrderRequest neverSent = OrderRequest.limit("gone-new", "BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("80000"), TimeInForce.GTC);
        journal.recordIntent("sim", neverSent, "test", START);
        OrderRequest unknown = OrderRequest.limit("gone-unknown", "BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("80000"), TimeInForce.GTC);
        journal.recordIntent("sim", unknown, "test", START);
        journal.markUnknown("sim", "gone-unknown", "timeout", START);
        OrderRequest lost = OrderRequest.limit("gone-open", "BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("80000"), TimeInForce.GTC);
        journal.recordIntent("sim", lost, "test", START);
        journal.recordOrder(new Order("sim", "gone-open", "v-1", "BTC", Side.BUY, lost.type(), lost.timeInForce(),
                lost.quantity(), lost.price(), BigDecimal.ZERO, null, OrderStatus.OPEN, false, null, START, START), START);
        OrderRequest fresh = OrderRequest.limit("too-new", "BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("80000"), TimeInForce.GTC);
        journal.recordIntent("sim", fresh, "test", START.plus(Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(2));

        new OrderTracker(sim, gateway, gateway.updates(), Runnable::run, clock, Duration.ofMinutes(1)).reconcile()
                .get(5, TimeUnit.SECONDS);

        assertThat(journal.find("sim", "gone-new")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.REJECTED);
        assertThat(journal.find("sim", "gone-unknown")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.REJECTED);
        assertThat(journal.find("sim", "gone-open")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.CANCELED);
        assertThat(journal.find("sim", "too-new")).get().extracting(JournaledOrder::status)
                .as("not visible yet may mean not visible yet").isEqualTo(OrderStatus.NEW);
        assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert).contains("gone-unknown"));
    }

    @Test
    void anOrderGivenUpByItsExecutionIsCancelledWhenTheStreamShowsItWorking() throws Exception {
        OrderTracker tracker = tracker(sim);
        sim.subscribeOrders(tracker);
        OrderRequest resting = OrderRequest.limit("given-up", "BTC", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("80000"), TimeInForce.GTC);
        journal.recordIntent("sim", resting, "test", START);
        gateway.giveUp("sim", "given-up");
        sim.exchange().submit(resting);    // the submit whose answer was lost reaches the venue after all
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.exchange().openOrders(null).isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> journal.find("sim", "given-up").orElseThrow().status()
                == OrderStatus.CANCELED);
    }

    @Test
    void anOrderAcceptedJustAfterAHaltIsCancelledOnArrival() throws Exception {
        try (SimExchangeClient slow = SimExchangeClient.manual(SimVenueConfig.defaults("slow", 3)
                .withLatency(Duration.ofMillis(300), Duration.ZERO), new SimClock(START))) {
            OrderGateway g = new OrderGateway(Map.of("slow", slow), journal, risk, alerts::add, clock, 3,
                    Duration.ofMillis(10));
            OrderRequest resting = OrderRequest.limit("late", "BTC", Side.BUY, new BigDecimal("0.1"),
                    new BigDecimal("80000"), TimeInForce.GTC);
            CompletableFuture<Order> sent = g.submit(new OrderIntent("slow", resting, "test", new BigDecimal("80000"),
                    BigDecimal.ONE));
            risk.halt(RiskGuard.GLOBAL, "kill switch while the submit is in flight");
            sent.get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> slow.exchange().openOrders(null).isEmpty());
        }
    }
}
