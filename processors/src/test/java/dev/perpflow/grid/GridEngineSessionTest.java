package dev.perpflow.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimFaults;
import dev.perpflow.component.sim.SimOperation;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.execution.InMemoryOrderJournal;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Side;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A long BTC grid on a still simulated book (bid 89999 / ask 90001, tick 1) with a scripted price path: the
 * post-only entry rests two ticks under the ask, fills on a dip, its take-profit close fills on the way up.
 */
class GridEngineSessionTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SimClock clock = new SimClock(START);
    private final SimExchangeClient sim = SimExchangeClient.manual(SimVenueConfig.defaults("sim", 4)
            .withPriceProcess(Duration.ofSeconds(1), 0.0), clock);
    private final OrderGateway gateway = new OrderGateway(Map.of("sim", sim), new InMemoryOrderJournal(),
            new RiskGuard(new RiskLimits(new BigDecimal("1000000"), 1000), TradingStateStore.inMemory(),
                    Clock.systemUTC()), m -> { }, clock, 3, Duration.ofMillis(10));
    private final List<GridEvent> events = new ArrayList<>();
    private final List<GridState> saved = new ArrayList<>();
    private final Instrument btc = sim.exchange().instruments().get(0);

    @AfterEach
    void close() {
        sim.close();
    }

    private static Map<String, Object> config() {
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
        raw.put("stop_loss_percentage", 1.0);
        raw.put("position_timeout_minutes", 1);
        raw.put("post_only_tick_multiplier", 2);
        return raw;
    }

    private GridEngine engine(Map<String, Object> raw) {
        GridEngine engine = new GridEngine("run1", GridConfig.fromMap(raw), btc, sim, gateway, clock,
                GridState.initial(), events::add, saved::add);
        engine.prepare();
        return engine;
    }

    private List<String> eventTypes() {
        return events.stream().map(GridEvent::type).toList();
    }

    @Test
    void aFullCycleFillsTheEntryAndTheTakeProfitAndPnlIsTheFillsMinusFees() {
        GridEngine grid = engine(config());
        grid.tick();
        assertThat(grid.state().cycle()).isEqualTo(GridState.GridCycle.WAITING_FOR_FILL);
        // entry: post-only buy 2 ticks under the ask = 89999, 300 USD → 0.003 BTC
        assertThat(sim.exchange().openOrders("BTC")).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId()).isEqualTo("run1-grid-1-entry");
            assertThat(o.price()).isEqualByComparingTo("89999");
            assertThat(o.quantity()).isEqualByComparingTo("0.003");
        });

        sim.exchange().setMid("BTC", new BigDecimal("89990"));   // ask 89991: the entry fills as maker
        grid.tick();
        // take profit 0.15 % of margin at 20× = 0.0075 % price: 89999 × 1.000075 = 90005.75 → 90006
        assertThat(grid.state().tracked()).singleElement().satisfies(p -> {
            assertThat(p.positionId()).isEqualTo("grid-1");
            assertThat(p.closePrice()).isEqualByComparingTo("90006");
        });
        assertThat(eventTypes()).contains("position_tracked");

        sim.exchange().setMid("BTC", new BigDecimal("90010"));   // bid 90009: the close fills
        clock.advance(Duration.ofSeconds(2));
        grid.tick();
        assertThat(grid.state().tracked()).isEmpty();
        assertThat(eventTypes()).contains("position_closed");
        assertThat(sim.exchange().positions()).isEmpty();

        BigDecimal pnl = BigDecimal.ZERO;
        for (Fill fill : sim.exchange().fillsSince(START)) {
            BigDecimal notional = fill.price().multiply(fill.quantity());
            pnl = pnl.add(fill.side() == Side.SELL ? notional : notional.negate()).subtract(fill.fee());
        }
        assertThat(sim.exchange().balances().get(0).total().subtract(new BigDecimal("100000")))
                .isEqualByComparingTo(pnl);
        // (90006 − 89999) × 0.003 = 0.021 gross; maker fees 0.00005 × (269.997 + 270.018) = 0.02700075: at 20× a
        // 0.15 %-of-margin take profit does not cover a 0.005 % maker fee on both sides (the seed ran it at 0 fees)
        assertThat(pnl).isEqualByComparingTo("-0.00600075");
        assertThat(saved).isNotEmpty();
        assertThat(saved.get(saved.size() - 1)).isEqualTo(grid.state());
    }

    @Test
    void theMarginCapRefusesAnEntryWithAnEvent() {
        Map<String, Object> raw = config();
        raw.put("max_margin_usd", 10);
        GridEngine grid = engine(raw);
        grid.tick();
        assertThat(sim.exchange().openOrders(null)).isEmpty();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("margin_cap_hit");
            assertThat(e.message()).contains("Margin cap");
            assertThat(e.details()).containsEntry("margin_limit", new BigDecimal("10"));
        });
    }

    @Test
    void theStopPriceFlattensCancelsAndHalts() {
        Map<String, Object> raw = config();
        raw.put("stop_price", 89000);
        GridEngine grid = engine(raw);
        grid.tick();
        sim.exchange().setMid("BTC", new BigDecimal("89990"));
        grid.tick();                                              // entry filled, close placed
        sim.exchange().setMid("BTC", new BigDecimal("88900"));
        grid.tick();
        assertThat(eventTypes()).contains("stop_price_triggered", "stop_price_shutdown");
        assertThat(sim.exchange().positions()).isEmpty();
        assertThat(sim.exchange().openOrders(null)).isEmpty();
        assertThat(grid.state().stopped()).isTrue();
        grid.tick();
        assertThat(sim.exchange().openOrders(null)).as("stays halted").isEmpty();
    }

    @Test
    void closingEverythingCancelsTheGridsOrdersClosesItsPositionAndLetsALaterStartBeginAfresh() {
        GridEngine grid = engine(config());
        grid.tick();
        sim.exchange().setMid("BTC", new BigDecimal("89990"));
        grid.tick();                                              // entry filled, take-profit close placed
        assertThat(sim.exchange().positions()).isNotEmpty();
        assertThat(sim.exchange().openOrders(null)).isNotEmpty();

        assertThat(grid.closeEverything("stopped with close by alice")).isTrue();

        assertThat(sim.exchange().positions()).isEmpty();
        assertThat(sim.exchange().openOrders(null)).isEmpty();
        assertThat(eventTypes()).contains("stop_with_close");
        assertThat(grid.state().tracked()).isEmpty();
        assertThat(grid.state().stopped()).as("a later start trades again").isFalse();
        assertThat(grid.closeEverything("again")).as("nothing left to close").isFalse();
    }

    @Test
    void aCloseThatFailsKeepsThePositionTrackedSoClosingAgainFinishesIt() {
        GridEngine grid = engine(config());
        grid.tick();
        sim.exchange().setMid("BTC", new BigDecimal("89990"));
        grid.tick();                                              // entry filled, take-profit close placed
        sim.faults().failNext(SimOperation.SUBMIT, 1, SimFaults.Fault.UNAVAILABLE);

        assertThatThrownBy(() -> grid.closeEverything("stopped with close")).isInstanceOf(RuntimeException.class);

        assertThat(sim.exchange().positions()).as("the market close never reached the venue").isNotEmpty();
        assertThat(grid.state().tracked()).as("still tracked: nothing is forgotten").hasSize(1);
        assertThat(grid.closeEverything("stopped with close, again")).isTrue();
        assertThat(sim.exchange().positions()).isEmpty();
        assertThat(sim.exchange().openOrders(null)).isEmpty();
        assertThat(grid.state().holdsNothing()).isTrue();
    }

    @Test
    void stoppingEntriesCancelsTheWorkingEntryAndKeepsTrackedPositionsWithTheirTakeProfits() {
        GridEngine grid = engine(config());
        grid.tick();
        sim.exchange().setMid("BTC", new BigDecimal("89990"));
        grid.tick();                                              // entry filled, take-profit close placed
        clock.advance(Duration.ofSeconds(2));                     // past wait_time
        grid.tick();                                              // the next entry rests
        assertThat(sim.exchange().openOrders(null)).anyMatch(o -> !o.reduceOnly());

        grid.stopEntries();

        assertThat(sim.exchange().openOrders(null)).as("no entry left working").noneMatch(o -> !o.reduceOnly())
                .as("the take profit stays").anyMatch(o -> o.reduceOnly());
        assertThat(grid.state().tracked()).hasSize(1);
        assertThat(grid.state().holdsNothing()).isFalse();
        assertThat(eventTypes()).contains("entry_order_canceled");
    }

    @Test
    void anEntryCancelThatFailsLeavesTheEntryTrackedSoStoppingAgainCancelsIt() {
        GridEngine grid = engine(config());
        grid.tick();                                              // the entry rests
        assertThat(sim.exchange().openOrders(null)).singleElement().matches(o -> !o.reduceOnly());
        sim.faults().failNext(SimOperation.CANCEL, 1, SimFaults.Fault.UNAVAILABLE);

        assertThatThrownBy(grid::stopEntries).isInstanceOf(RuntimeException.class);

        assertThat(grid.state().cycle()).as("the entry is not forgotten").isEqualTo(GridState.GridCycle.WAITING_FOR_FILL);
        grid.stopEntries();
        assertThat(sim.exchange().openOrders(null)).isEmpty();
        assertThat(grid.state().holdsNothing()).isTrue();
    }

    @Test
    void thePausePriceStopsNewEntries() {
        Map<String, Object> raw = config();
        raw.put("pause_price", 89500);
        GridEngine grid = engine(raw);
        grid.tick();
        assertThat(eventTypes()).containsExactly("pause_price_triggered");
        assertThat(sim.exchange().openOrders(null)).isEmpty();
        assertThat(grid.state().paused()).isTrue();
    }

    @Test
    void theStopLossClosesThePositionAsAPercentOfMargin() {
        GridEngine grid = engine(config());
        grid.tick();
        sim.exchange().setMid("BTC", new BigDecimal("89990"));
        grid.tick();
        // 1 % of margin at 20× = 0.05 % price: 89999 × 0.9995 = 89954.0005
        sim.exchange().setMid("BTC", new BigDecimal("89950"));
        grid.tick();
        assertThat(eventTypes()).contains("stop_loss_initiated", "stop_loss_executed");
        assertThat(sim.exchange().positions()).isEmpty();
        assertThat(grid.state().tracked()).isEmpty();
    }

    @Test
    void anUnfilledEntryIsCancelledAfterTheTimeout() {
        GridEngine grid = engine(config());
        grid.tick();
        clock.advance(Duration.ofMinutes(2));
        grid.tick();
        assertThat(eventTypes()).contains("entry_order_timeout");
        assertThat(sim.exchange().openOrders(null)).isEmpty();
        assertThat(grid.state().cycle()).isEqualTo(GridState.GridCycle.READY);
    }

    /** Runs the grid until grid-1 is filled and tracked with its close working. */
    private GridEngine withOneTrackedPosition(Map<String, Object> raw) {
        GridEngine grid = engine(raw);
        grid.tick();
        sim.exchange().setMid("BTC", new BigDecimal("89990"));
        grid.tick();
        assertThat(grid.state().tracked()).hasSize(1);
        return grid;
    }

    @Test
    void aCloseCancelledElsewhereIsRepostedPostOnlyThenClosedAtMarketAfterThreeTries() {
        Map<String, Object> raw = config();
        raw.put("max_orders", 1);       // keep the grid from placing a second entry meanwhile
        GridEngine grid = withOneTrackedPosition(raw);
        for (int attempt = 1; attempt <= 3; attempt++) {
            String working = grid.state().tracked().get(0).closeClientOrderId();
            sim.exchange().cancel("BTC", working);
            clock.advance(Duration.ofSeconds(2));
            grid.tick();
            String expected = "run1-grid-1-close-retry-" + attempt;
            assertThat(grid.state().tracked()).singleElement()
                    .satisfies(p -> assertThat(p.closeClientOrderId()).isEqualTo(expected));
        }
        assertThat(eventTypes()).filteredOn("close_order_reposted"::equals).hasSize(3);
        sim.exchange().cancel("BTC", grid.state().tracked().get(0).closeClientOrderId());
        grid.tick();
        assertThat(eventTypes()).contains("close_order_retry_limit_exceeded", "stop_loss_executed");
        assertThat(grid.state().tracked()).isEmpty();
        assertThat(sim.exchange().positions()).isEmpty();
    }

    @Test
    void aTargetedCloseClosesOnlyThatPosition() {
        Map<String, Object> raw = config();
        raw.put("grid_step", 0.0001);
        GridEngine grid = withOneTrackedPosition(raw);
        clock.advance(Duration.ofSeconds(5));
        grid.tick();                                      // second entry 2 ticks under the ask: 89989
        sim.exchange().setMid("BTC", new BigDecimal("89980"));
        grid.tick();                                      // grid-2 filled and tracked
        assertThat(grid.state().tracked()).extracting(TrackedPosition::positionId).containsExactly("grid-1", "grid-2");
        assertThat(grid.closePosition("grid-1")).isTrue();
        assertThat(grid.state().tracked()).extracting(TrackedPosition::positionId).containsExactly("grid-2");
        assertThat(sim.exchange().openOrders("BTC")).extracting(o -> o.clientOrderId())
                .containsExactly("run1-grid-2-close");
        assertThat(sim.exchange().positions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.003"));
        assertThat(grid.closePosition("grid-9")).isFalse();
    }

    @Test
    void aggressiveRecoveryClosesAPositionStuckPastTheTimeout() {
        GridEngine grid = withOneTrackedPosition(config());
        clock.advance(Duration.ofMinutes(2));
        grid.tick();
        assertThat(eventTypes()).contains("recovery_aggressive_start", "stop_loss_executed");
        assertThat(grid.state().tracked()).isEmpty();
        assertThat(sim.exchange().positions()).isEmpty();
    }

    @Test
    void hedgeRecoveryReportsAHedge() {
        Map<String, Object> raw = config();
        raw.put("recovery_mode", "hedge");
        GridEngine grid = withOneTrackedPosition(raw);
        clock.advance(Duration.ofMinutes(2));
        grid.tick();
        assertThat(eventTypes()).contains("recovery_hedge_start", "recovery_hedge_executed");
        assertThat(sim.exchange().positions()).isEmpty();
    }

    @Test
    void noRecoveryLeavesStuckPositionsAlone() {
        Map<String, Object> raw = config();
        raw.put("recovery_mode", "none");
        GridEngine grid = withOneTrackedPosition(raw);
        clock.advance(Duration.ofMinutes(2));
        grid.tick();
        assertThat(eventTypes()).noneMatch(t -> t.startsWith("recovery_"));
        assertThat(grid.state().tracked()).hasSize(1);
    }

    @Test
    void aRestartWhileWaitingForTheEntryFillResumesFromTheStoredState() {
        GridEngine before = engine(config());
        before.tick();
        GridState stored = saved.get(saved.size() - 1);
        assertThat(stored.cycle()).isEqualTo(GridState.GridCycle.WAITING_FOR_FILL);

        // the process dies; the entry fills while nobody watches
        sim.exchange().setMid("BTC", new BigDecimal("89990"));

        GridEngine after = new GridEngine("run1", GridConfig.fromMap(config()), btc, sim, gateway, clock, stored,
                events::add, saved::add);
        after.tick();
        assertThat(after.state().tracked()).singleElement()
                .satisfies(p -> assertThat(p.positionId()).isEqualTo("grid-1"));
        assertThat(sim.exchange().openOrders("BTC")).extracting(o -> o.clientOrderId())
                .containsExactly("run1-grid-1-close");
        assertThat(sim.exchange().fillsSince(START)).as("no second entry was sent").hasSize(1);
    }

    @Test
    void aRestartWithoutStoredStateAdoptsTheVenuesCloseOrdersAndNeverReusesAnId() {
        Map<String, Object> raw = config();
        raw.put("max_orders", 1);
        withOneTrackedPosition(raw);                      // grid-1 tracked with run1-grid-1-close working

        GridEngine after = new GridEngine("run1", GridConfig.fromMap(raw), btc, sim, gateway, clock,
                GridState.initial(), events::add, saved::add);
        after.tick();
        assertThat(after.state().tracked()).singleElement().satisfies(p -> {
            assertThat(p.positionId()).isEqualTo("grid-1");
            assertThat(p.closeClientOrderId()).isEqualTo("run1-grid-1-close");
            assertThat(p.size()).isEqualByComparingTo("0.003");
        });
        assertThat(after.state().positionSequence()).isGreaterThanOrEqualTo(1);
        assertThat(eventTypes()).contains("close_order_legacy_tracked").doesNotContain("position_mismatch");
    }

    @Test
    void aRestartCancelsAnEntryTheStoredStateDidNotKnow() {
        GridEngine before = engine(config());
        before.tick();                                    // run1-grid-1-entry resting
        GridEngine after = new GridEngine("run1", GridConfig.fromMap(config()), btc, sim, gateway, clock,
                GridState.initial(), events::add, saved::add);
        after.tick();
        assertThat(eventTypes()).contains("orphan_entry_cancelled");
        assertThat(sim.exchange().query("BTC", "run1-grid-1-entry").status())
                .isEqualTo(dev.perpflow.exchange.model.OrderStatus.CANCELED);
        assertThat(after.state().pendingEntryId()).as("the next entry uses a fresh id").isEqualTo("run1-grid-2-entry");
    }

    @Test
    void aShortGridsStopLossBuysBack() {
        Map<String, Object> raw = config();
        raw.put("direction", "sell");
        GridEngine grid = engine(raw);
        grid.tick();                                      // post-only sell 2 ticks over the bid: 90001
        sim.exchange().setMid("BTC", new BigDecimal("90010"));   // bid 90009 ≥ 90001: filled
        grid.tick();
        assertThat(sim.exchange().positions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("-0.003"));
        // stop: 90001 × (1 + 0.0005) = 90046.0005
        sim.exchange().setMid("BTC", new BigDecimal("90050"));
        grid.tick();
        assertThat(eventTypes()).contains("stop_loss_initiated", "stop_loss_executed");
        assertThat(sim.exchange().positions()).isEmpty();
        assertThat(sim.exchange().fillsSince(START)).last().satisfies(f -> assertThat(f.side()).isEqualTo(Side.BUY));
    }

    @Test
    void aDisabledStopLossDoesNothing() {
        Map<String, Object> raw = config();
        raw.put("stop_loss_enabled", false);
        raw.put("max_orders", 1);
        withOneTrackedPosition(raw);
        GridEngine grid = new GridEngine("run1", GridConfig.fromMap(raw), btc, sim, gateway, clock,
                saved.get(saved.size() - 1), events::add, saved::add);
        sim.exchange().setMid("BTC", new BigDecimal("89000"));
        grid.tick();
        assertThat(eventTypes()).doesNotContain("stop_loss_initiated");
        assertThat(sim.exchange().positions()).hasSize(1);
    }

    @Test
    void aFailedHedgeIsReportedAndTheRunGoesOn() {
        Map<String, Object> raw = config();
        raw.put("recovery_mode", "hedge");
        GridEngine grid = withOneTrackedPosition(raw);
        clock.advance(Duration.ofMinutes(2));
        sim.faults().rejectNext(10);
        grid.tick();
        assertThat(eventTypes()).contains("recovery_hedge_start", "recovery_hedge_rejected");
        assertThat(sim.exchange().positions()).hasSize(1);
    }

    @Test
    void aRestartOnAVenueThatLostEverythingStartsCleanInsteadOfFailingEveryTick() {
        Map<String, Object> raw = config();
        raw.put("max_orders", 1);
        withOneTrackedPosition(raw);
        GridEngine first = engine(raw);
        first.tick();
        GridState stored = saved.get(saved.size() - 1);
        assertThat(stored.tracked()).isNotEmpty();

        // a fresh venue (the dev sim after an app restart): no orders, no position
        try (SimExchangeClient fresh = SimExchangeClient.manual(SimVenueConfig.defaults("sim", 4)
                .withPriceProcess(Duration.ofSeconds(1), 0.0), clock)) {
            OrderGateway freshGateway = new OrderGateway(Map.of("sim", fresh), new InMemoryOrderJournal(),
                    new RiskGuard(new RiskLimits(new BigDecimal("1000000"), 1000), TradingStateStore.inMemory(),
                            Clock.systemUTC()), m -> { }, clock, 1, Duration.ofMillis(1));
            GridEngine after = new GridEngine("run1", GridConfig.fromMap(raw), btc, fresh, freshGateway, clock, stored,
                    events::add, saved::add);
            after.tick();
            assertThat(eventTypes()).contains("tracked_positions_gone");
            assertThat(after.state().tracked()).isEmpty();
            assertThat(fresh.exchange().openOrders("BTC")).as("trading resumed with a fresh entry").hasSize(1);
        }
    }

    @Test
    void whilePausedClosesAreStillMaintained() {
        Map<String, Object> raw = config();
        raw.put("pause_price", 90005);
        raw.put("max_orders", 1);
        GridEngine grid = withOneTrackedPosition(raw);   // mid 89990: below the pause price, trading
        // mid 90006 is above the pause price; the bid (90005) stays under the close at 90006, so it does not fill
        sim.exchange().setMid("BTC", new BigDecimal("90006"));
        sim.exchange().cancel("BTC", grid.state().tracked().get(0).closeClientOrderId());
        grid.tick();
        assertThat(grid.state().paused()).isTrue();
        assertThat(eventTypes()).contains("pause_price_triggered", "close_order_reposted");
        assertThat(sim.exchange().openOrders("BTC")).noneMatch(o -> !o.reduceOnly());
    }

    @Test
    void theStopLossIsDebouncedForThreeSeconds() {
        Map<String, Object> raw = config();
        raw.put("max_orders", 1);
        GridEngine grid = withOneTrackedPosition(raw);
        sim.exchange().setMid("BTC", new BigDecimal("89950"));
        grid.tick();
        assertThat(eventTypes()).filteredOn("stop_loss_executed"::equals).hasSize(1);
        // a new position appears within the debounce window: no second stop-loss market order yet
        sim.exchange().submit(dev.perpflow.exchange.model.OrderRequest.market("manual", "BTC", Side.BUY,
                new BigDecimal("0.003"), false));
        clock.advance(Duration.ofSeconds(1));
        grid.tick();
        assertThat(eventTypes()).filteredOn("stop_loss_executed"::equals).hasSize(1);
        assertThat(sim.exchange().positions()).hasSize(1);
    }
}
