package dev.perpflow.grid;

import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.OrderNotFoundException;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One grid run on one venue, advanced by {@link #tick()} (the seed's should_execute + execute_strategy): stop
 * price, pause price and stop loss first; then the pending entry (filled → take-profit close placed and the
 * position tracked; stale → cancelled); then, when READY, a new post-only entry if the cooldown, the grid-step
 * condition and the margin cap allow. Every state change is handed to {@code stateSink} (persistence) and every
 * event to {@code events}. Orders go through the {@link OrderGateway}: journaled first, deterministic ids.
 *
 * <p>The first tick after a (re)start reconciles the stored state with the venue's open orders and position
 * before anything is placed (see {@code reconcileWithVenue}).
 */
public final class GridEngine {

    static final Duration STOP_LOSS_DEBOUNCE = Duration.ofSeconds(3);
    static final int CLOSE_REPOST_LIMIT = 3;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final String runId;
    private final GridConfig config;
    private final Instrument instrument;
    private final ExchangeClient venue;
    private final OrderGateway gateway;
    private final Clock clock;
    private final Consumer<GridEvent> events;
    private final Consumer<GridState> stateSink;
    private GridState state;
    private boolean reconciled;

    public GridEngine(String runId, GridConfig config, Instrument instrument, ExchangeClient venue, OrderGateway gateway,
            Clock clock, GridState initial, Consumer<GridEvent> events, Consumer<GridState> stateSink) {
        this.runId = runId;
        this.config = config;
        this.instrument = instrument;
        this.venue = venue;
        this.gateway = gateway;
        this.clock = clock;
        this.state = initial;
        this.events = events;
        this.stateSink = stateSink;
    }

    public GridState state() {
        return state;
    }

    /** Applies the target leverage (clamped by the venue) before the first tick; returns what the venue applied. */
    public int prepare() {
        int applied = await(venue.setLeverage(config.ticker(), config.targetLeverage().intValue()));
        if (applied != config.targetLeverage().intValue()) {
            emit("leverage_clamped", Level.WARNING, "venue applied leverage " + applied + " instead of "
                    + config.targetLeverage().toPlainString(), Map.of("applied", applied));
        }
        return applied;
    }

    /** One step of the grid; returns the state after it. */
    public GridState tick() {
        if (state.stopped()) {
            return state;
        }
        if (!reconciled) {
            reconcileWithVenue();
            reconciled = true;
        }
        Bbo bbo = await(venue.bbo(config.ticker()));
        BigDecimal mid = bbo.mid();
        if (stopPriceBreached(mid)) {
            flatten("stop_price_triggered", "mid " + mid.toPlainString() + " crossed the stop price "
                    + config.stopPrice().toPlainString());
            update(state.with(GridCycle.READY, List.of(), null, null, null, state.positionSequence(),
                    state.lastEntryAt(), 0, state.lastStopLossAt(), state.paused(), true));
            emit("stop_price_shutdown", Level.ERROR, "grid halted after the stop price", Map.of());
            return state;
        }
        boolean paused = pausePriceBreached(mid);
        if (paused != state.paused()) {
            if (paused) {
                emit("pause_price_triggered", Level.WARNING, "new entries paused at mid " + mid.toPlainString(),
                        Map.of("pause_price", config.pausePrice()));
            }
            update(state.with(state.cycle(), state.tracked(), state.pendingPositionId(), state.pendingEntryId(),
                    state.pendingSince(), state.positionSequence(), state.lastEntryAt(), state.lastActiveCloses(),
                    state.lastStopLossAt(), paused, false));
        }
        Position position = position();
        if (stopLossTriggered(position, mid)) {
            return state;
        }
        recoverStale();
        List<Order> closes = activeCloses();
        boolean closeFilled = ensureCloses(closes, bbo);
        if (state.cycle() == GridCycle.WAITING_FOR_FILL) {
            handlePendingEntry(bbo, position);
            return state;
        }
        if (!state.paused()) {
            maybeEnter(bbo, activeCloses(), position, closeFilled);
        }
        return state;
    }

    private void handlePendingEntry(Bbo bbo, Position position) {
        Order entry = findOrder(state.pendingEntryId());
        Instant now = clock.instant();
        if (entry == null) {
            emit("entry_order_missing", Level.WARNING, "the venue does not know entry " + state.pendingEntryId(),
                    Map.of("client_order_id", state.pendingEntryId()));
            update(state.ready());
            return;
        }
        if (entry.status() == OrderStatus.FILLED) {
            placeClose(entry, position);
            return;
        }
        if (entry.status().isTerminal()) {
            emit("entry_order_canceled", Level.INFO, "entry " + entry.clientOrderId() + " ended " + entry.status(),
                    Map.of("client_order_id", entry.clientOrderId()));
            update(state.ready());
            return;
        }
        Duration age = Duration.between(state.pendingSince(), now);
        if (age.compareTo(Duration.ofMinutes(config.positionTimeoutMinutes())) > 0) {
            Order cancelled = await(gateway.cancel(venueName(), config.ticker(), entry.clientOrderId()));
            if (cancelled.status() == OrderStatus.FILLED) {
                placeClose(cancelled, position);  // the fill won the race against the cancel
                return;
            }
            emit("entry_order_timeout", Level.WARNING, "entry " + entry.clientOrderId() + " unfilled after "
                    + config.positionTimeoutMinutes() + " min; cancelled", Map.of("client_order_id", entry.clientOrderId()));
            update(state.ready());
        }
    }

    private void placeClose(Order entry, Position position) {
        BigDecimal ratio = marginRatio(position);
        BigDecimal fraction = GridMath.priceFraction(config.takeProfit(), ratio, config.targetLeverage());
        BigDecimal closePrice = instrument.roundPrice(GridMath.closePrice(config.direction(), entry.averagePrice(),
                fraction), config.direction() == Side.BUY ? RoundingMode.UP : RoundingMode.DOWN);
        String positionId = state.pendingPositionId();
        String closeId = GridOrderIds.clientOrderId(runId, positionId, "close");
        OrderRequest close = OrderRequest.limit(closeId, config.ticker(), config.direction().opposite(),
                entry.filledQuantity(), closePrice, TimeInForce.GTC).withReduceOnly(true);
        await(gateway.submit(new OrderIntent(venueName(), close, "grid-close", closePrice,
                instrument.quantityMultiplier())));
        List<TrackedPosition> tracked = new ArrayList<>(state.tracked());
        tracked.add(new TrackedPosition(positionId, entry.averagePrice(), entry.filledQuantity(), closePrice,
                clock.instant(), closeId, 1));
        update(state.tracked(tracked).ready());
        emit("position_tracked", Level.INFO, positionId + " filled at " + entry.averagePrice().toPlainString()
                + ", take profit at " + closePrice.toPlainString(), Map.of("position_id", positionId,
                "entry_price", entry.averagePrice(), "close_price", closePrice, "size", entry.filledQuantity()));
    }

    /**
     * First tick after a (re)start, before anything is placed: the venue's open orders of this run are matched with
     * the stored state. Close orders the state does not know (state lost in a crash, or an older run's) are adopted
     * as tracked positions; entry orders that are not the pending entry are cancelled; the position sequence moves
     * past every id seen so no client order id is ever reused; a position that differs from what is tracked is
     * reported.
     */
    private void reconcileWithVenue() {
        String prefix = runId + "-";
        List<TrackedPosition> tracked = new ArrayList<>(state.tracked());
        List<String> known = tracked.stream().map(TrackedPosition::closeClientOrderId).toList();
        int sequence = state.positionSequence();
        for (Order order : await(venue.openOrders(config.ticker()))) {
            if (!order.clientOrderId().startsWith(prefix)) {
                continue;
            }
            String rest = order.clientOrderId().substring(prefix.length());
            String positionId = rest.substring(0, rest.indexOf('-', rest.indexOf('-') + 1) < 0 ? rest.length()
                    : rest.indexOf('-', rest.indexOf('-') + 1));
            sequence = Math.max(sequence, sequenceOf(positionId));
            if (order.reduceOnly() && !known.contains(order.clientOrderId())) {
                tracked.add(new TrackedPosition(positionId, null, order.remainingQuantity(), order.price(),
                        clock.instant(), order.clientOrderId(), 1));
                emit("close_order_legacy_tracked", Level.WARNING, "adopted close order " + order.clientOrderId()
                        + " found at the venue", Map.of("position_id", positionId));
            } else if (!order.reduceOnly() && !order.clientOrderId().equals(state.pendingEntryId())) {
                await(gateway.cancel(venueName(), config.ticker(), order.clientOrderId()));
                emit("orphan_entry_cancelled", Level.WARNING, "cancelled entry " + order.clientOrderId()
                        + " the stored state did not know", Map.of("client_order_id", order.clientOrderId()));
            }
        }
        update(state.with(state.cycle(), tracked, state.pendingPositionId(), state.pendingEntryId(),
                state.pendingSince(), sequence, state.lastEntryAt(), state.lastActiveCloses(), state.lastStopLossAt(),
                state.paused(), state.stopped()));
        if (state.pendingEntryId() != null && findOrder(state.pendingEntryId()) == null) {
            emit("entry_order_missing", Level.WARNING, "the venue does not know the pending entry "
                    + state.pendingEntryId() + "; ready for a new one", Map.of("client_order_id", state.pendingEntryId()));
            update(state.ready());
        }
        Position position = position();
        BigDecimal held = position == null ? BigDecimal.ZERO : position.quantity().abs();
        if (held.signum() == 0 && !state.tracked().isEmpty()) {
            // flat at the venue: whatever was tracked was closed (take profit, stop, liquidation) while we were away
            emit("tracked_positions_gone", Level.WARNING, "venue position is flat; dropping "
                    + state.tracked().size() + " tracked position(s)", Map.of("tracked", state.trackedSize()));
            update(state.tracked(List.of()));
        } else if (held.compareTo(state.trackedSize()) != 0) {
            emit("position_mismatch", Level.WARNING, "venue position " + held.toPlainString() + " vs tracked "
                    + state.trackedSize().toPlainString(), Map.of("venue_position", held,
                    "tracked", state.trackedSize()));
        }
    }

    /** The venue's view of one of our orders, or {@code null} when the venue does not know it. */
    private Order findOrder(String clientOrderId) {
        try {
            return await(gateway.refresh(venueName(), config.ticker(), clientOrderId));
        } catch (OrderNotFoundException e) {
            return null;
        }
    }

    private static int sequenceOf(String positionId) {
        try {
            return positionId.startsWith("grid-") ? Integer.parseInt(positionId.substring(5)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Settles and reposts closes (every tick, whatever the cycle); returns whether a take profit filled. */
    private boolean ensureCloses(List<Order> closes, Bbo bbo) {
        List<TrackedPosition> kept = settleCloses(closes, bbo);
        boolean closeFilled = kept.size() < state.tracked().size();
        if (!kept.equals(state.tracked()) || closes.size() != state.lastActiveCloses()) {
            update(state.with(state.cycle(), kept, state.pendingPositionId(), state.pendingEntryId(),
                    state.pendingSince(), state.positionSequence(), state.lastEntryAt(), closes.size(),
                    state.lastStopLossAt(), state.paused(), false));
        }
        return closeFilled;
    }

    private void maybeEnter(Bbo bbo, List<Order> closes, Position position, boolean closeFilled) {
        Instant now = clock.instant();
        Duration cooldown = GridMath.cooldown(closes.size(), config.maxOrders(),
                Duration.ofMillis(config.waitTimeSeconds().movePointRight(3).longValue()), closeFilled);
        if (cooldown == null || state.lastEntryAt() != null
                && Duration.between(state.lastEntryAt(), now).compareTo(cooldown) < 0) {
            return;
        }
        BigDecimal ratio = marginRatio(position);
        BigDecimal fraction = GridMath.priceFraction(config.takeProfit(), ratio, config.targetLeverage());
        if (!GridMath.gridStepAllows(config.direction(), closes.stream().map(Order::price).toList(), bbo, fraction,
                config.gridStep())) {
            return;
        }
        BigDecimal price = GridMath.entryPrice(config.direction(), bbo, instrument.tickSize(),
                config.postOnlyTickMultiplier());
        BigDecimal quantity = GridMath.entryQuantity(config.orderNotionalUsd(),
                price.multiply(instrument.quantityMultiplier()), instrument.lotSize());
        if (quantity.signum() <= 0) {
            return;
        }
        BigDecimal margin = position == null || position.margin() == null ? BigDecimal.ZERO : position.margin();
        BigDecimal projected = GridMath.projectedMargin(margin, quantity, price.multiply(instrument.quantityMultiplier()),
                ratio != null ? ratio : config.fallbackMarginRatio());
        if (projected.compareTo(config.maxMarginUsd()) > 0) {
            emit("margin_cap_hit", Level.WARNING, "Margin cap: projected " + projected.setScale(2, RoundingMode.UP)
                    .toPlainString() + " > limit " + config.maxMarginUsd().toPlainString(),
                    Map.of("margin_limit", config.maxMarginUsd(), "projected_margin", projected));
            return;
        }
        int sequence = state.positionSequence() + 1;
        String positionId = "grid-" + sequence;
        String entryId = GridOrderIds.clientOrderId(runId, positionId, "entry");
        OrderRequest entry = OrderRequest.limit(entryId, config.ticker(), config.direction(), quantity, price,
                TimeInForce.POST_ONLY);
        try {
            await(gateway.submit(new OrderIntent(venueName(), entry, "grid-entry", price,
                    instrument.quantityMultiplier())));
        } catch (RuntimeException e) {
            emit("entry_order_rejected", Level.WARNING, "entry " + entryId + " refused: " + describe(e), Map.of());
            update(state.with(GridCycle.READY, state.tracked(), null, null, null, sequence, now, closes.size(),
                    state.lastStopLossAt(), state.paused(), false));
            return;
        }
        update(state.with(GridCycle.WAITING_FOR_FILL, state.tracked(), positionId, entryId, now, sequence, now,
                closes.size(), state.lastStopLossAt(), state.paused(), false));
    }

    /**
     * Settles tracked positions whose close order is no longer working: a FILLED close means the position took
     * profit; a cancelled or rejected one is reposted post-only (long: max(take profit, bid + tick × mult × n)), and
     * after {@value #CLOSE_REPOST_LIMIT} failed reposts the position is closed at market.
     */
    private List<TrackedPosition> settleCloses(List<Order> closes, Bbo bbo) {
        List<String> working = closes.stream().map(Order::clientOrderId).toList();
        List<TrackedPosition> kept = new ArrayList<>();
        for (TrackedPosition p : state.tracked()) {
            if (p.closeClientOrderId() != null && working.contains(p.closeClientOrderId())) {
                kept.add(p);
                continue;
            }
            Order close = p.closeClientOrderId() == null ? null : findOrder(p.closeClientOrderId());
            OrderStatus status = close == null ? OrderStatus.CANCELED : close.status();
            if (status == OrderStatus.FILLED) {
                emit("position_closed", Level.INFO, p.positionId() + " took profit at "
                        + p.closePrice().toPlainString(), Map.of("position_id", p.positionId()));
            } else if (status.isWorking()) {
                kept.add(p);
            } else if (p.closeAttempts() > CLOSE_REPOST_LIMIT) {
                emit("close_order_retry_limit_exceeded", Level.WARNING, p.positionId() + ": closing at market after "
                        + CLOSE_REPOST_LIMIT + " reposts", Map.of("position_id", p.positionId()));
                marketClose(p, "grid-close-market");
            } else {
                kept.add(repostClose(p, bbo));
            }
        }
        return kept;
    }

    private TrackedPosition repostClose(TrackedPosition p, Bbo bbo) {
        int attempt = p.closeAttempts();
        BigDecimal offset = instrument.tickSize().multiply(BigDecimal.valueOf((long) config.postOnlyTickMultiplier()
                * attempt));
        BigDecimal price = config.direction() == Side.BUY ? p.closePrice().max(bbo.bid().add(offset))
                : p.closePrice().min(bbo.ask().subtract(offset));
        String id = GridOrderIds.clientOrderId(runId, p.positionId(), GridOrderIds.closeRetry(attempt));
        OrderRequest close = OrderRequest.limit(id, config.ticker(), config.direction().opposite(), p.size(), price,
                TimeInForce.POST_ONLY).withReduceOnly(true);
        try {
            await(gateway.submit(new OrderIntent(venueName(), close, "grid-close", price,
                    instrument.quantityMultiplier())));
            emit("close_order_reposted", Level.INFO, p.positionId() + ": close reposted at " + price.toPlainString(),
                    Map.of("position_id", p.positionId(), "attempt", attempt));
            return p.withClose(id, attempt + 1);
        } catch (RuntimeException e) {
            emit("close_order_retry_rejected", Level.WARNING, p.positionId() + ": repost refused: " + describe(e),
                    Map.of("position_id", p.positionId(), "attempt", attempt));
            return p.withClose(null, attempt + 1);
        }
    }

    /**
     * Closes one grid position at market (reduce-only), cancelling only its own close order; other positions and
     * their closes are untouched. Returns whether the position was tracked.
     */
    public boolean closePosition(String positionId) {
        for (TrackedPosition p : state.tracked()) {
            if (p.positionId().equals(positionId)) {
                if (p.closeClientOrderId() != null) {
                    await(gateway.cancel(venueName(), config.ticker(), p.closeClientOrderId()));
                }
                marketClose(p, "grid-close-market");
                update(state.tracked(state.tracked().stream().filter(t -> !t.positionId().equals(positionId))
                        .toList()));
                return true;
            }
        }
        return false;
    }

    /**
     * Recovery of positions whose close has not filled within the position timeout: AGGRESSIVE closes at market,
     * HEDGE offsets with a market order and reports it as a hedge; NONE leaves them.
     */
    private void recoverStale() {
        if (config.recoveryMode() == GridConfig.RecoveryMode.NONE) {
            return;
        }
        Instant now = clock.instant();
        Duration timeout = Duration.ofMinutes(config.positionTimeoutMinutes());
        List<TrackedPosition> stale = state.tracked().stream()
                .filter(p -> Duration.between(p.openedAt(), now).compareTo(timeout) >= 0).toList();
        for (TrackedPosition p : stale) {
            boolean hedge = config.recoveryMode() == GridConfig.RecoveryMode.HEDGE;
            emit(hedge ? "recovery_hedge_start" : "recovery_aggressive_start", Level.WARNING, p.positionId()
                    + ": close not filled within " + config.positionTimeoutMinutes() + " min",
                    Map.of("position_id", p.positionId()));
            try {
                closePosition(p.positionId());
                if (hedge) {
                    emit("recovery_hedge_executed", Level.WARNING, p.positionId() + " hedged at market", Map.of());
                }
            } catch (RuntimeException e) {
                emit(hedge ? "recovery_hedge_rejected" : "stop_loss_failed", Level.ERROR, p.positionId()
                        + ": recovery failed: " + describe(e), Map.of("position_id", p.positionId()));
            }
        }
    }

    private void marketClose(TrackedPosition p, String purpose) {
        emit("stop_loss_initiated", Level.WARNING, p.positionId() + ": closing " + p.size().toPlainString()
                + " at market", Map.of("position_id", p.positionId()));
        String id = GridOrderIds.clientOrderId(runId, p.positionId(), "market-close");
        await(gateway.submit(new OrderIntent(venueName(), OrderRequest.market(id, config.ticker(),
                config.direction().opposite(), p.size(), true), purpose, p.closePrice(),
                instrument.quantityMultiplier())));
        emit("stop_loss_executed", Level.WARNING, p.positionId() + " closed at market", Map.of("position_id",
                p.positionId()));
    }

    private boolean stopLossTriggered(Position position, BigDecimal mid) {
        if (!config.stopLossEnabled() || position == null || position.isFlat() || position.entryPrice() == null) {
            return false;
        }
        Instant now = clock.instant();
        if (state.lastStopLossAt() != null && Duration.between(state.lastStopLossAt(), now)
                .compareTo(STOP_LOSS_DEBOUNCE) < 0) {
            return true;
        }
        BigDecimal fraction = GridMath.priceFraction(config.stopLossPercentage(), marginRatio(position),
                config.targetLeverage());
        BigDecimal stop = GridMath.stopLossPrice(config.direction(), position.entryPrice(), fraction);
        if (!GridMath.stopLossTriggered(config.direction(), mid, stop)) {
            return false;
        }
        flatten("stop_loss_initiated", "mid " + mid.toPlainString() + " reached the stop " + stop.toPlainString());
        update(state.with(GridCycle.READY, List.of(), null, null, null, state.positionSequence(), state.lastEntryAt(),
                0, now, state.paused(), false));
        emit("stop_loss_executed", Level.WARNING, "position closed by the stop loss", Map.of("stop_price", stop));
        return true;
    }

    /** Cancels the working grid orders and closes the whole position with a reduce-only market order. */
    private void flatten(String event, String reason) {
        emit(event, Level.ERROR, reason, Map.of());
        for (Order order : await(venue.openOrders(config.ticker()))) {
            if (order.clientOrderId().startsWith(runId + "-")) {
                await(gateway.cancel(venueName(), config.ticker(), order.clientOrderId()));
            }
        }
        Position position = position();
        if (position != null && !position.isFlat()) {
            String id = GridOrderIds.clientOrderId(runId, "flatten-" + state.positionSequence(),
                    String.valueOf(clock.millis()));
            await(gateway.submit(new OrderIntent(venueName(), OrderRequest.market(id, config.ticker(),
                    Side.reducing(position.quantity()), position.quantity().abs(), true), "grid-flatten",
                    position.markPrice() != null ? position.markPrice() : position.entryPrice(),
                    instrument.quantityMultiplier())));
        }
    }

    private List<Order> activeCloses() {
        return await(venue.openOrders(config.ticker())).stream()
                .filter(o -> o.reduceOnly() && o.side() == config.direction().opposite())
                .filter(o -> o.clientOrderId().startsWith(runId + "-"))
                .toList();
    }

    private Position position() {
        return await(venue.positions()).stream().filter(p -> p.symbol().equals(config.ticker())).findFirst()
                .orElse(null);
    }

    /** Margin ÷ exposure as the venue reports it, or {@code null} when there is no position to measure. */
    private static BigDecimal marginRatio(Position position) {
        if (position == null || position.margin() == null || position.notional().signum() == 0) {
            return null;
        }
        return position.margin().divide(position.quantity().abs().multiply(position.entryPrice()),
                java.math.MathContext.DECIMAL64);
    }

    private boolean stopPriceBreached(BigDecimal mid) {
        return config.stopPrice() != null && (config.direction() == Side.BUY ? mid.compareTo(config.stopPrice()) < 0
                : mid.compareTo(config.stopPrice()) > 0);
    }

    private boolean pausePriceBreached(BigDecimal mid) {
        return config.pausePrice() != null && (config.direction() == Side.BUY ? mid.compareTo(config.pausePrice()) > 0
                : mid.compareTo(config.pausePrice()) < 0);
    }

    private void update(GridState next) {
        state = next;
        stateSink.accept(next);
    }

    private void emit(String type, Level level, String message, Map<String, Object> details) {
        events.accept(new GridEvent(clock.instant(), type, level, message, details));
    }

    private String venueName() {
        return venue.venue();
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = ExchangeException.unwrap(e);
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = ExchangeException.unwrap(e);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
