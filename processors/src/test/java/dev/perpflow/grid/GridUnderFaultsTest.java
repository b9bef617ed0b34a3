package dev.perpflow.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimFaults.Fault;
import dev.perpflow.component.sim.SimOperation;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.execution.InMemoryOrderJournal;
import dev.perpflow.execution.JournaledOrder;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.TradingControl;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import dev.perpflow.risk.TradingStateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A long BTC grid (as {@link GridEngineSessionTest}) when the venue and the operator get in the way: a halt, an
 * unknown outcome, a refused market close. The run never goes to error, never leaves a position without a take
 * profit after the resume, and never sends an order beside one whose outcome is unknown.
 */
class GridUnderFaultsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SimClock clock = new SimClock(START);
    private final SimExchangeClient sim = SimExchangeClient.manual(SimVenueConfig.defaults("sim", 4)
            .withPriceProcess(Duration.ofSeconds(1), 0.0), clock);
    private final InMemoryOrderJournal journal = new InMemoryOrderJournal();
    private final RiskGuard risk = new RiskGuard(new RiskLimits(new BigDecimal("1000000"), 1000),
            TradingStateStore.inMemory(), Clock.systemUTC());
    private final OrderGateway gateway = new OrderGateway(Map.of("sim", sim), journal, risk, m -> { }, clock, 2,
            Duration.ofMillis(5));
    private final List<GridEvent> events = new ArrayList<>();
    private final Instrument btc = sim.exchange().instruments().get(0);

    @AfterEach
    void close() {
        sim.close();
    }

    private GridEngine engine(Map<String, Object> overrides) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("exchange", "sim");
        raw.put("ticker", "BTC");
        raw.put("direction", "buy");
        raw.put("order_notional_usd", 300);
        raw.put("target_leverage", 20);
        raw.put("take_profit", 0.15);
        raw.put("grid_step", 0.002);
        raw.put("max_orders", 5);
        raw.put("max_margin_usd", 1000);
        raw.put("wait_time", 1);
        raw.put("stop_loss_percentage", 10.0);
        raw.put("position_timeout_minutes", 60);
        raw.put("post_only_tick_multiplier", 2);
        raw.putAll(overrides);
        GridEngine engine = new GridEngine("run1", GridConfig.fromMap(raw), btc, sim, gateway, clock,
                GridState.initial(), events::add, s -> { });
        engine.prepare();
        return engine;
    }

    private List<String> types() {
        return events.stream().map(GridEvent::type).toList();
    }

    /** Entry filled and its take profit resting: one tracked position. */
    private GridEngine withOnePosition() {
        GridEngine grid = engine(Map.of());
        grid.tick();
        sim.exchange().setMid("BTC", new BigDecimal("89990"));
        grid.tick();
        assertThat(grid.state().tracked()).hasSize(1);
        assertThat(sim.exchange().openOrders("BTC")).extracting(Order::clientOrderId)
                .containsExactly("run1-grid-1-close");
        return grid;
    }

    @Test
    void aHaltWaitsWithoutFailingAndTheResumeRestoresTheTakeProfitTheHaltCancelled() throws Exception {
        // failed before: the grid read the halt's cancels as "cancelled elsewhere", reposted, was refused, escalated
        // to a market close and a stop loss, all refused, and went to error with its positions left unmanaged
        GridEngine grid = withOnePosition();
        new TradingControl(risk, gateway).halt("kill switch").get(5, TimeUnit.SECONDS);
        assertThat(sim.exchange().openOrders("BTC")).isEmpty();

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(5));
            grid.tick();    // never throws: a halt is no failure
        }
        assertThat(grid.state().tracked()).singleElement()
                .satisfies(p -> assertThat(p.closeClientOrderId()).as("remembered, not reposted").isNull());
        assertThat(types()).contains("waiting_trading_halted")
                .doesNotContain("close_order_retry_rejected", "stop_loss_initiated", "close_order_retry_limit_exceeded");
        assertThat(sim.exchange().openOrders("BTC")).as("nothing sent while halted").isEmpty();

        risk.resume(RiskGuard.GLOBAL, "operator");
        grid.tick();
        assertThat(sim.exchange().openOrders("BTC")).filteredOn(Order::reduceOnly).singleElement().satisfies(o -> {
            assertThat(o.price()).isEqualByComparingTo("90006");
            assertThat(o.quantity()).isEqualByComparingTo("0.003");
        });
        assertThat(grid.state().tracked()).singleElement()
                .satisfies(p -> assertThat(p.closeClientOrderId()).isNotNull());
        assertThat(types()).contains("trading_resumed");
    }

    @Test
    void aStopLossStillActsWhileHalted() throws Exception {
        GridEngine grid = engine(Map.of("stop_loss_percentage", 1.0));
        grid.tick();
        sim.exchange().setMid("BTC", new BigDecimal("89990"));
        grid.tick();
        new TradingControl(risk, gateway).halt("kill switch").get(5, TimeUnit.SECONDS);
        sim.exchange().setMid("BTC", new BigDecimal("89000"));   // past the 1 %-of-margin stop, before liquidation
        grid.tick();
        assertThat(types()).contains("stop_loss_executed");
        assertThat(sim.exchange().positions()).as("the protective market close went out").isEmpty();
    }

    @Test
    void anEntryWhoseOutcomeIsUnknownBlocksTheNextEntryAndIsAdoptedOnceKnown() {
        // failed before: any failed submit was read as "refused", so an accepted post-only entry was left untracked
        // and a second one was placed beside it
        sim.faults().failNext(SimOperation.SUBMIT, 1, Fault.ACCEPT_THEN_HANG);
        GridEngine grid = engine(Map.of());
        grid.tick();    // the entry is placed; its answer never arrives
        assertThat(types()).contains("entry_order_unknown");
        assertThat(grid.state().cycle()).isEqualTo(GridState.GridCycle.WAITING_FOR_FILL);

        clock.advance(Duration.ofSeconds(30));
        grid.tick();
        grid.tick();
        assertThat(sim.exchange().openOrders("BTC")).as("no second entry beside the unknown one").hasSize(1);

        sim.exchange().setMid("BTC", new BigDecimal("89990"));   // the entry that rests fills
        grid.tick();
        assertThat(grid.state().tracked()).singleElement()
                .satisfies(p -> assertThat(p.positionId()).isEqualTo("grid-1"));
    }

    @Test
    void aRefusedMarketCloseIsRetriedUnderItsNextAttemptId() {
        // failed before: after one rejection every retry was refused with "client order id ...-market-close is already
        // journaled; it is never sent twice" and the run went to error holding its positions
        GridEngine grid = withOnePosition();
        sim.faults().rejectNext(1);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> grid.closePosition("grid-1")))
                .hasMessageContaining("stays tracked");
        assertThat(journal.find("sim", "run1-grid-1-market-close")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.REJECTED);
        assertThat(grid.closePosition("grid-1")).isTrue();
        assertThat(journal.find("sim", "run1-grid-1-market-close-r2")).get().extracting(JournaledOrder::status)
                .isEqualTo(OrderStatus.FILLED);
        assertThat(sim.exchange().positions()).isEmpty();
    }

    @Test
    void fundingSettledOnTheGridsPositionIsRecorded() {
        // failed before: the grid's funding payments appeared nowhere
        GridEngine grid = engine(Map.of("position_timeout_minutes", 1440, "recovery_mode", "none"));
        grid.tick();
        sim.exchange().setMid("BTC", new BigDecimal("89990"));
        grid.tick();
        assertThat(grid.state().tracked()).hasSize(1);
        sim.advance(Duration.ofHours(8));
        grid.tick();
        assertThat(events).filteredOn(e -> e.type().equals("funding_payment")).singleElement()
                .satisfies(e -> assertThat((BigDecimal) e.details().get("amount")).isNotZero());
        assertThat(grid.fundingAccrued()).isNotZero();
    }
}
