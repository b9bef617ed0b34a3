package dev.perpflow.grid;

import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.grid.GridEvent.Level;
import dev.perpflow.grid.GridState.GridCycle;
import dev.perpflow.risk.TradingState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One grid run on one venue, advanced by {@link #tick()} (the seed's should_execute + execute_strategy): stop
 * price, pause price and stop loss first; then the pending entry (filled → take-profit close placed and the
 * position tracked; stale → cancelled); then, when READY, a new post-only entry if the cooldown, the grid-step
 * condition and the margin cap allow. Every state change is handed to {@code stateSink} (persistence) and every
 * event to {@code events}. Orders go through the {@link OrderGateway}: journaled first, deterministic ids.
 *
 * <p>The first tick after a (re)start reconciles the stored state with the venue's open orders and position
 * before anything is placed ({@link GridRestart}); close upkeep and recovery live in {@link GridCloses}.
 *
 * <p>The run knows the account's trading state. While trading is halted it waits: no entry, no repost, no recovery,
 * nothing counted as a failure; take-profit closes the halt cancelled are remembered and placed again once trading
 * resumes; the stop price and the stop loss still act (their market closes are protective). A submit whose outcome
 * is unknown is never taken for a refusal: the run waits for it to be resolved before placing anything else.
 */
public final class GridEngine {

    static final Duration STOP_LOSS_DEBOUNCE = Duration.ofSeconds(3);

    private final GridRun run;
    private final GridCloses closing;
    private final GridRestart restart;
    private boolean reconciled;
    private boolean haltSeen;
    private BigDecimal lastFunding;

    public GridEngine(String runId, GridConfig config, Instrument instrument, ExchangeClient venue, OrderGateway gateway,
            Clock clock, GridState initial, Consumer<GridEvent> events, Consumer<GridState> stateSink) {
        this.run = new GridRun(runId, config, instrument, venue, gateway, clock, initial, events, stateSink);
        this.closing = new GridCloses(run);
        this.restart = new GridRestart(run);
    }

    public GridState state() {
        return run.state();
    }

    /**
     * Closes one grid position at market (reduce-only), cancelling only its own close order; other positions and
     * their closes are untouched. Returns whether the position was tracked.
     */
    public boolean closePosition(String positionId) {
        return closing.closePosition(positionId);
    }

    /**
     * A user's stop with close: cancels the grid's working orders and closes its whole position at market
     * (reduce-only, sent while trading is halted too), then forgets the closed positions so a later start begins
     * afresh. Not to be called while a tick runs. Returns whether there was a position to close.
     */
    public boolean closeEverything(String reason) {
        Position position = run.position();
        boolean held = position != null && !position.isFlat();
        flatten("stop_with_close", reason);
        GridState state = run.state();
        run.update(state.with(GridCycle.READY, List.of(), null, null, null, state.positionSequence(),
                state.lastEntryAt(), 0, state.lastStopLossAt(), state.paused(), state.stopped()));
        return held;
    }

    /**
     * A user's stop without close: the working entry is cancelled, so nothing can open a position the stopped grid
     * would not watch (an entry that filled first is tracked and gets its take profit). Tracked positions and their
     * take-profit closes stay, as the seed's "stop only" keeps them. Not to be called while a tick runs.
     */
    public void stopEntries() {
        if (run.state().cycle() != GridCycle.WAITING_FOR_FILL) {
            return;
        }
        String id = run.state().pendingEntryId();
        Order entry = run.findOrder(id);
        if (entry == null) {
            return;    // its submit's outcome is unknown: the next start resolves it before anything else
        }
        Order ended = entry.status().isTerminal() ? entry
                : GridRun.await(run.gateway.cancel(run.venueName(), run.config.ticker(), id));
        if (ended.status() == OrderStatus.FILLED) {
            placeClose(ended, run.position());
            return;
        }
        run.emit("entry_order_canceled", Level.INFO, "entry " + id + " cancelled: the grid was stopped",
                Map.of("client_order_id", id));
        run.update(run.state().ready());
    }

    /** Applies the target leverage (clamped by the venue) before the first tick; returns what the venue applied. */
    public int prepare() {
        int applied = GridRun.await(run.venue.setLeverage(run.config.ticker(), run.config.targetLeverage().intValue()));
        if (applied != run.config.targetLeverage().intValue()) {
            run.emit("leverage_clamped", Level.WARNING, "venue applied leverage " + applied + " instead of "
                    + run.config.targetLeverage().toPlainString(), Map.of("applied", applied));
        }
        return applied;
    }

    /** One step of the grid; returns the state after it. */
    public GridState tick() {
        if (run.state().stopped()) {
            return run.state();
        }
        if (!reconciled) {
            restart.reconcileWithVenue();
            reconciled = true;
        }
        boolean halted = run.halted();
        if (halted != haltSeen) {
            haltSeen = halted;
            run.emit(halted ? "waiting_trading_halted" : "trading_resumed", halted ? Level.WARNING : Level.INFO,
                    halted ? "trading is halted: no entries, take profits restored after the resume, stop loss active"
                            : "trading resumed: restoring take-profit closes and entering as configured", Map.of());
        }
        Bbo bbo = GridRun.await(run.venue.bbo(run.config.ticker()));
        BigDecimal mid = bbo.mid();
        if (stopPriceBreached(mid)) {
            flatten("stop_price_triggered", "mid " + mid.toPlainString() + " crossed the stop price "
                    + run.config.stopPrice().toPlainString());
            run.update(run.state().with(GridCycle.READY, List.of(), null, null, null, run.state().positionSequence(),
                    run.state().lastEntryAt(), 0, run.state().lastStopLossAt(), run.state().paused(), true));
            run.emit("stop_price_shutdown", Level.ERROR, "grid halted after the stop price", Map.of());
            return run.state();
        }
        boolean paused = pausePriceBreached(mid);
        if (paused != run.state().paused()) {
            if (paused) {
                run.emit("pause_price_triggered", Level.WARNING, "new entries paused at mid " + mid.toPlainString(),
                        Map.of("pause_price", run.config.pausePrice()));
            }
            run.update(run.state().with(run.state().cycle(), run.state().tracked(), run.state().pendingPositionId(), run.state().pendingEntryId(),
                    run.state().pendingSince(), run.state().positionSequence(), run.state().lastEntryAt(), run.state().lastActiveCloses(),
                    run.state().lastStopLossAt(), paused, false));
        }
        Position position = run.position();
        recordFunding(position);
        if (stopLossTriggered(position, mid)) {
            return run.state();
        }
        if (!halted) {
            closing.recoverStale();
        }
        List<Order> closes = run.activeCloses();
        boolean closeFilled = closing.ensureCloses(closes, bbo);
        if (run.state().cycle() == GridCycle.WAITING_FOR_FILL) {
            handlePendingEntry(bbo, position);
            return run.state();
        }
        if (!run.state().paused() && run.tradingState() == TradingState.ACTIVE) {
            maybeEnter(bbo, run.activeCloses(), position, closeFilled);
        }
        return run.state();
    }

    /** Funding the venue settled on the grid's position since the last tick, as an event (and in the status). */
    private void recordFunding(Position position) {
        BigDecimal accrued = position == null || position.fundingAccrued() == null ? BigDecimal.ZERO
                : position.fundingAccrued();
        if (lastFunding != null && accrued.compareTo(lastFunding) != 0 && position != null && !position.isFlat()) {
            BigDecimal payment = accrued.subtract(lastFunding);
            run.emit("funding_payment", Level.INFO, "funding " + payment.toPlainString() + " on "
                    + position.quantity().toPlainString() + " " + run.config.ticker() + " (accrued "
                    + accrued.toPlainString() + ")", Map.of("amount", payment, "accrued", accrued));
        }
        lastFunding = accrued;
    }

    /** Funding the venue reports accrued on the grid's open position (0 when flat or not known yet). */
    public BigDecimal fundingAccrued() {
        return lastFunding == null ? BigDecimal.ZERO : lastFunding;
    }

    private void handlePendingEntry(Bbo bbo, Position position) {
        Order entry = run.findOrder(run.state().pendingEntryId());
        Instant now = run.clock.instant();
        if (entry == null && run.mayStillAppear(run.state().pendingEntryId())) {
            return;    // its submit's outcome is unknown: nothing else is placed until it is resolved
        }
        if (entry == null) {
            run.emit("entry_order_missing", Level.WARNING, "the venue does not know entry " + run.state().pendingEntryId(),
                    Map.of("client_order_id", run.state().pendingEntryId()));
            run.update(run.state().ready());
            return;
        }
        if (entry.status() == OrderStatus.FILLED) {
            placeClose(entry, position);
            return;
        }
        if (entry.status().isTerminal()) {
            run.emit("entry_order_canceled", Level.INFO, "entry " + entry.clientOrderId() + " ended " + entry.status(),
                    Map.of("client_order_id", entry.clientOrderId()));
            run.update(run.state().ready());
            return;
        }
        Duration age = Duration.between(run.state().pendingSince(), now);
        if (age.compareTo(Duration.ofMinutes(run.config.positionTimeoutMinutes())) > 0) {
            Order cancelled = GridRun.await(run.gateway.cancel(run.venueName(), run.config.ticker(), entry.clientOrderId()));
            if (cancelled.status() == OrderStatus.FILLED) {
                placeClose(cancelled, position);  // the fill won the race against the cancel
                return;
            }
            run.emit("entry_order_timeout", Level.WARNING, "entry " + entry.clientOrderId() + " unfilled after "
                    + run.config.positionTimeoutMinutes() + " min; cancelled", Map.of("client_order_id", entry.clientOrderId()));
            run.update(run.state().ready());
        }
    }

    /**
     * The entry filled: the position is tracked first (so it is never lost), then its take-profit close is placed;
     * a close that cannot be placed now (halted, refused, unknown) is placed again by the close upkeep.
     */
    private void placeClose(Order entry, Position position) {
        BigDecimal ratio = GridRun.marginRatio(position);
        BigDecimal fraction = GridMath.priceFraction(run.config.takeProfit(), ratio, run.config.targetLeverage());
        BigDecimal closePrice = run.instrument.roundPrice(GridMath.closePrice(run.config.direction(), entry.averagePrice(),
                fraction), run.config.direction() == Side.BUY ? RoundingMode.UP : RoundingMode.DOWN);
        String positionId = run.state().pendingPositionId();
        TrackedPosition position0 = new TrackedPosition(positionId, entry.averagePrice(), entry.filledQuantity(),
                closePrice, run.clock.instant(), null, 1);
        List<TrackedPosition> tracked = new ArrayList<>(run.state().tracked());
        tracked.add(closing.placeTakeProfit(position0));
        run.update(run.state().tracked(tracked).ready());
        run.emit("position_tracked", Level.INFO, positionId + " filled at " + entry.averagePrice().toPlainString()
                + ", take profit at " + closePrice.toPlainString(), Map.of("position_id", positionId,
                "entry_price", entry.averagePrice(), "close_price", closePrice, "size", entry.filledQuantity()));
    }

    private void maybeEnter(Bbo bbo, List<Order> closes, Position position, boolean closeFilled) {
        Instant now = run.clock.instant();
        Duration cooldown = GridMath.cooldown(closes.size(), run.config.maxOrders(),
                Duration.ofMillis(run.config.waitTimeSeconds().movePointRight(3).longValue()), closeFilled);
        if (cooldown == null || run.state().lastEntryAt() != null
                && Duration.between(run.state().lastEntryAt(), now).compareTo(cooldown) < 0) {
            return;
        }
        BigDecimal ratio = GridRun.marginRatio(position);
        BigDecimal fraction = GridMath.priceFraction(run.config.takeProfit(), ratio, run.config.targetLeverage());
        if (!GridMath.gridStepAllows(run.config.direction(), closes.stream().map(Order::price).toList(), bbo, fraction,
                run.config.gridStep())) {
            return;
        }
        BigDecimal price = GridMath.entryPrice(run.config.direction(), bbo, run.instrument.tickSize(),
                run.config.postOnlyTickMultiplier());
        BigDecimal quantity = GridMath.entryQuantity(run.config.orderNotionalUsd(),
                price.multiply(run.instrument.quantityMultiplier()), run.instrument.lotSize());
        if (quantity.signum() <= 0) {
            return;
        }
        BigDecimal margin = position == null || position.margin() == null ? BigDecimal.ZERO : position.margin();
        BigDecimal projected = GridMath.projectedMargin(margin, quantity, price.multiply(run.instrument.quantityMultiplier()),
                ratio != null ? ratio : run.config.fallbackMarginRatio());
        if (projected.compareTo(run.config.maxMarginUsd()) > 0) {
            run.emit("margin_cap_hit", Level.WARNING, "Margin cap: projected " + projected.setScale(2, RoundingMode.UP)
                    .toPlainString() + " > limit " + run.config.maxMarginUsd().toPlainString(),
                    Map.of("margin_limit", run.config.maxMarginUsd(), "projected_margin", projected));
            return;
        }
        int sequence = run.state().positionSequence() + 1;
        String positionId = "grid-" + sequence;
        String entryId = GridOrderIds.clientOrderId(run.id, positionId, "entry");
        OrderRequest entry = OrderRequest.limit(entryId, run.config.ticker(), run.config.direction(), quantity, price,
                TimeInForce.POST_ONLY);
        GridRun.Submit sent = run.submit(new OrderIntent(run.venueName(), entry, "grid-entry", price,
                run.instrument.quantityMultiplier()));
        if (sent.outcome() == GridRun.Sent.REFUSED) {
            run.emit("entry_order_rejected", Level.WARNING, "entry " + entryId + " refused: " + sent.why(), Map.of());
            run.update(run.state().with(GridCycle.READY, run.state().tracked(), null, null, null, sequence, now, closes.size(),
                    run.state().lastStopLossAt(), run.state().paused(), false));
            return;
        }
        if (sent.outcome() == GridRun.Sent.UNKNOWN) {
            // it may rest at the venue: it is the pending entry until the venue or the reconciliation says otherwise
            run.emit("entry_order_unknown", Level.WARNING, "entry " + entryId + " outcome unknown (" + sent.why()
                    + "); waiting for it to be resolved before anything else is placed", Map.of("client_order_id", entryId));
        }
        run.update(run.state().with(GridCycle.WAITING_FOR_FILL, run.state().tracked(), positionId, entryId, now, sequence, now,
                closes.size(), run.state().lastStopLossAt(), run.state().paused(), false));
    }

    private boolean stopLossTriggered(Position position, BigDecimal mid) {
        if (!run.config.stopLossEnabled() || position == null || position.isFlat() || position.entryPrice() == null) {
            return false;
        }
        Instant now = run.clock.instant();
        if (run.state().lastStopLossAt() != null && Duration.between(run.state().lastStopLossAt(), now)
                .compareTo(STOP_LOSS_DEBOUNCE) < 0) {
            return true;
        }
        BigDecimal fraction = GridMath.priceFraction(run.config.stopLossPercentage(), GridRun.marginRatio(position),
                run.config.targetLeverage());
        BigDecimal stop = GridMath.stopLossPrice(run.config.direction(), position.entryPrice(), fraction);
        if (!GridMath.stopLossTriggered(run.config.direction(), mid, stop)) {
            return false;
        }
        flatten("stop_loss_initiated", "mid " + mid.toPlainString() + " reached the stop " + stop.toPlainString());
        run.update(run.state().with(GridCycle.READY, List.of(), null, null, null, run.state().positionSequence(), run.state().lastEntryAt(),
                0, now, run.state().paused(), false));
        run.emit("stop_loss_executed", Level.WARNING, "position closed by the stop loss", Map.of("stop_price", stop));
        return true;
    }

    /**
     * Cancels the working grid orders and closes the whole position with a protective reduce-only market order (a
     * stop goes out while trading is halted too).
     */
    private void flatten(String event, String reason) {
        run.emit(event, Level.ERROR, reason, Map.of());
        for (Order order : GridRun.await(run.venue.openOrders(run.config.ticker()))) {
            if (order.clientOrderId().startsWith(run.id + "-")) {
                GridRun.await(run.gateway.cancel(run.venueName(), run.config.ticker(), order.clientOrderId()));
            }
        }
        Position position = run.position();
        if (position != null && !position.isFlat()) {
            // the next attempt's id: a flatten retried after a failed one (even within the same millisecond) is never
            // refused as a duplicate, and none is sent beside one whose outcome is still unknown
            String id = run.gateway.attemptId(run.venueName(), GridOrderIds.clientOrderId(run.id,
                    "flatten-" + run.state().positionSequence(), String.valueOf(run.clock.millis())));
            GridRun.await(run.gateway.submit(new OrderIntent(run.venueName(), OrderRequest.market(id, run.config.ticker(),
                    Side.reducing(position.quantity()), position.quantity().abs(), true), "grid-flatten",
                    position.markPrice() != null ? position.markPrice() : position.entryPrice(),
                    run.instrument.quantityMultiplier(), true)));
        }
    }

    private boolean stopPriceBreached(BigDecimal mid) {
        return run.config.stopPrice() != null && (run.config.direction() == Side.BUY ? mid.compareTo(run.config.stopPrice()) < 0
                : mid.compareTo(run.config.stopPrice()) > 0);
    }

    private boolean pausePriceBreached(BigDecimal mid) {
        return run.config.pausePrice() != null && (run.config.direction() == Side.BUY ? mid.compareTo(run.config.pausePrice()) > 0
                : mid.compareTo(run.config.pausePrice()) < 0);
    }
}
