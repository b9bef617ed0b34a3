package dev.perpflow.grid;

import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.grid.GridEvent.Level;
import dev.perpflow.risk.TradingState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The close side of a grid run: take-profit closes settled every tick (filled → position closed; cancelled →
 * reposted post-only, {@value #CLOSE_REPOST_LIMIT} times, then market), targeted market closes, and the recovery
 * of positions whose close has not filled within the position timeout.
 *
 * <p>A tracked position without a close order (its take profit could not be placed, or a halt cancelled it) gets a
 * new take-profit close at its price once trading allows exits again; a halt's cancel is not counted as a failed
 * repost. A close whose submit's outcome is unknown is kept and watched, never reposted beside itself. Retries of an
 * order that was refused go out under the next attempt id ({@code -r2}, ...), so a refused market close never blocks
 * the ones after it.
 */
final class GridCloses {

    static final int CLOSE_REPOST_LIMIT = 3;

    private final GridRun run;

    GridCloses(GridRun run) {
        this.run = run;
    }

    /** Settles and reposts closes (every tick, whatever the cycle); returns whether a take profit filled. */
    boolean ensureCloses(List<Order> closes, Bbo bbo) {
        List<TrackedPosition> kept = settleCloses(closes, bbo);
        boolean closeFilled = kept.size() < run.state().tracked().size();
        if (!kept.equals(run.state().tracked()) || closes.size() != run.state().lastActiveCloses()) {
            run.update(run.state().with(run.state().cycle(), kept, run.state().pendingPositionId(), run.state().pendingEntryId(),
                    run.state().pendingSince(), run.state().positionSequence(), run.state().lastEntryAt(), closes.size(),
                    run.state().lastStopLossAt(), run.state().paused(), false));
        }
        return closeFilled;
    }

    /**
     * Settles tracked positions whose close order is no longer working: a FILLED close means the position took
     * profit; a cancelled or rejected one is reposted post-only (long: max(take profit, bid + tick × mult × n)), and
     * after {@value #CLOSE_REPOST_LIMIT} failed reposts the position is closed at market. While trading is halted,
     * a cancelled close is only remembered (placed again after the resume).
     */
    private List<TrackedPosition> settleCloses(List<Order> closes, Bbo bbo) {
        List<String> working = closes.stream().map(Order::clientOrderId).toList();
        boolean exitsAllowed = run.tradingState() != TradingState.HALTED;
        List<TrackedPosition> kept = new ArrayList<>();
        for (TrackedPosition p : run.state().tracked()) {
            if (p.closeClientOrderId() != null && working.contains(p.closeClientOrderId())) {
                kept.add(p);
                continue;
            }
            if (p.closeClientOrderId() == null) {
                kept.add(exitsAllowed ? placeTakeProfit(p) : p);
                continue;
            }
            Order close = run.findOrder(p.closeClientOrderId());
            if (close == null && run.mayStillAppear(p.closeClientOrderId())) {
                kept.add(p);    // its submit's outcome is unknown: watched, never reposted beside itself
                continue;
            }
            OrderStatus status = close == null ? OrderStatus.CANCELED : close.status();
            if (status == OrderStatus.FILLED) {
                run.emit("position_closed", Level.INFO, p.positionId() + " took profit at "
                        + p.closePrice().toPlainString(), Map.of("position_id", p.positionId()));
            } else if (status.isWorking()) {
                kept.add(p);
            } else if (!exitsAllowed) {
                kept.add(p.withClose(null, p.closeAttempts()));    // cancelled by the halt: placed again after it
            } else if (p.closeAttempts() > CLOSE_REPOST_LIMIT) {
                run.emit("close_order_retry_limit_exceeded", Level.WARNING, p.positionId() + ": closing at market after "
                        + CLOSE_REPOST_LIMIT + " reposts", Map.of("position_id", p.positionId()));
                if (!marketClose(p, "grid-close-market", false)) {
                    kept.add(p.withClose(null, p.closeAttempts()));
                }
            } else {
                kept.add(repostClose(p, bbo));
            }
        }
        return kept;
    }

    /** Places a position's take-profit close (a reduce-only GTC limit at its close price); returns it tracked. */
    TrackedPosition placeTakeProfit(TrackedPosition p) {
        if (run.tradingState() == TradingState.HALTED) {
            return p;
        }
        String id;
        try {
            id = run.gateway.attemptId(run.venueName(), GridOrderIds.clientOrderId(run.id, p.positionId(), "close"));
        } catch (IllegalStateException e) {
            return p;    // an earlier attempt may still be working: it is settled first
        }
        OrderRequest close = OrderRequest.limit(id, run.config.ticker(), run.config.direction().opposite(), p.size(),
                p.closePrice(), TimeInForce.GTC).withReduceOnly(true);
        GridRun.Submit sent = run.submit(new OrderIntent(run.venueName(), close, "grid-close", p.closePrice(),
                run.instrument.quantityMultiplier()));
        if (sent.outcome() == GridRun.Sent.REFUSED) {
            run.emit("close_order_refused", Level.WARNING, p.positionId() + ": take profit refused (" + sent.why()
                    + "); placed again at the next tick", Map.of("position_id", p.positionId()));
            return p.withClose(null, p.closeAttempts());
        }
        return p.withClose(id, p.closeAttempts());
    }

    private TrackedPosition repostClose(TrackedPosition p, Bbo bbo) {
        int attempt = p.closeAttempts();
        BigDecimal offset = run.instrument.tickSize().multiply(BigDecimal.valueOf((long) run.config.postOnlyTickMultiplier()
                * attempt));
        BigDecimal price = run.config.direction() == Side.BUY ? p.closePrice().max(bbo.bid().add(offset))
                : p.closePrice().min(bbo.ask().subtract(offset));
        String id = GridOrderIds.clientOrderId(run.id, p.positionId(), GridOrderIds.closeRetry(attempt));
        OrderRequest close = OrderRequest.limit(id, run.config.ticker(), run.config.direction().opposite(), p.size(), price,
                TimeInForce.POST_ONLY).withReduceOnly(true);
        GridRun.Submit sent = run.submit(new OrderIntent(run.venueName(), close, "grid-close", price,
                run.instrument.quantityMultiplier()));
        if (sent.outcome() == GridRun.Sent.REFUSED) {
            run.emit("close_order_retry_rejected", Level.WARNING, p.positionId() + ": repost refused: " + sent.why(),
                    Map.of("position_id", p.positionId(), "attempt", attempt));
            return p.withClose(null, attempt + 1);
        }
        if (sent.outcome() == GridRun.Sent.PLACED) {
            run.emit("close_order_reposted", Level.INFO, p.positionId() + ": close reposted at " + price.toPlainString(),
                    Map.of("position_id", p.positionId(), "attempt", attempt));
        }
        return p.withClose(id, attempt + 1);
    }

    /**
     * Closes one grid position at market (reduce-only, protective: a person asked for it), cancelling only its own
     * close order; other positions and their closes are untouched. Returns whether the position was tracked.
     */
    boolean closePosition(String positionId) {
        for (TrackedPosition p : run.state().tracked()) {
            if (p.positionId().equals(positionId)) {
                if (p.closeClientOrderId() != null) {
                    GridRun.await(run.gateway.cancel(run.venueName(), run.config.ticker(), p.closeClientOrderId()));
                }
                if (!marketClose(p, "grid-close-market", true)) {
                    throw new IllegalStateException(positionId + " could not be closed at market now; it stays tracked");
                }
                run.update(run.state().tracked(run.state().tracked().stream().filter(t -> !t.positionId().equals(positionId))
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
    void recoverStale() {
        if (run.config.recoveryMode() == GridConfig.RecoveryMode.NONE) {
            return;
        }
        Instant now = run.clock.instant();
        Duration timeout = Duration.ofMinutes(run.config.positionTimeoutMinutes());
        List<TrackedPosition> stale = run.state().tracked().stream()
                .filter(p -> Duration.between(p.openedAt(), now).compareTo(timeout) >= 0).toList();
        for (TrackedPosition p : stale) {
            boolean hedge = run.config.recoveryMode() == GridConfig.RecoveryMode.HEDGE;
            run.emit(hedge ? "recovery_hedge_start" : "recovery_aggressive_start", Level.WARNING, p.positionId()
                    + ": close not filled within " + run.config.positionTimeoutMinutes() + " min",
                    Map.of("position_id", p.positionId()));
            try {
                closePosition(p.positionId());
                if (hedge) {
                    run.emit("recovery_hedge_executed", Level.WARNING, p.positionId() + " hedged at market", Map.of());
                }
            } catch (RuntimeException e) {
                run.emit(hedge ? "recovery_hedge_rejected" : "stop_loss_failed", Level.ERROR, p.positionId()
                        + ": recovery failed: " + GridRun.describe(e), Map.of("position_id", p.positionId()));
            }
        }
    }

    /**
     * Closes a position with a reduce-only market order under its next attempt id; returns whether it was placed
     * (or may have been: an unknown outcome is not retried beside itself).
     */
    private boolean marketClose(TrackedPosition p, String purpose, boolean protective) {
        run.emit("stop_loss_initiated", Level.WARNING, p.positionId() + ": closing " + p.size().toPlainString()
                + " at market", Map.of("position_id", p.positionId()));
        String id;
        try {
            id = run.gateway.attemptId(run.venueName(), GridOrderIds.clientOrderId(run.id, p.positionId(),
                    "market-close"));
        } catch (IllegalStateException e) {
            return true;    // the previous attempt is still being resolved
        }
        GridRun.Submit sent = run.submit(new OrderIntent(run.venueName(), OrderRequest.market(id, run.config.ticker(),
                run.config.direction().opposite(), p.size(), true), purpose, p.closePrice(),
                run.instrument.quantityMultiplier(), protective));
        if (sent.outcome() == GridRun.Sent.REFUSED) {
            run.emit("stop_loss_failed", Level.ERROR, p.positionId() + ": market close refused (" + sent.why()
                    + "); retried under the next attempt id", Map.of("position_id", p.positionId(), "client_order_id", id));
            return false;
        }
        run.emit("stop_loss_executed", Level.WARNING, p.positionId() + " closed at market", Map.of("position_id",
                p.positionId()));
        return true;
    }
}
