package dev.perpflow.risk;

import dev.perpflow.exchange.model.OrderRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks every order against the trading state, the per-order notional cap and the per-venue order rate. The
 * state is loaded from its store at construction (a halt survives restarts) and saved on every change.
 */
public final class RiskGuard {

    private final RiskLimits limits;
    private final TradingStateStore store;
    private final Clock clock;
    private final Map<String, Deque<Long>> recentOrders = new HashMap<>();
    private volatile TradingState state;

    public RiskGuard(RiskLimits limits, TradingStateStore store, Clock clock) {
        this.limits = limits;
        this.store = store;
        this.clock = clock;
        this.state = store.load().orElse(TradingState.ACTIVE);
    }

    public TradingState state() {
        return state;
    }

    /** Moves to a new state; leaving HALTED is only possible through {@link #resume}. */
    public synchronized void enter(TradingState next, String reason) {
        if (state == TradingState.HALTED && next != TradingState.HALTED) {
            throw new IllegalStateException("trading is halted; resume explicitly before changing the state");
        }
        state = next;
        store.save(next, reason);
    }

    /** The explicit command that leaves HALTED (or REDUCING) for ACTIVE. */
    public synchronized void resume(String reason) {
        state = TradingState.ACTIVE;
        store.save(TradingState.ACTIVE, reason);
    }

    /**
     * Refuses the order with a {@link RiskRejectedException} saying why, or counts it against the venue's rate.
     *
     * @param referencePrice the price the notional is measured at (the limit price, or the touch for a market order)
     * @param multiplier     tokens per contract unit of the market
     */
    public synchronized void check(String venue, OrderRequest request, BigDecimal referencePrice, BigDecimal multiplier) {
        if (state == TradingState.HALTED) {
            throw new RiskRejectedException("trading is halted: order " + request.clientOrderId() + " refused");
        }
        if (state == TradingState.REDUCING && !request.reduceOnly()) {
            throw new RiskRejectedException("trading is reducing only: order " + request.clientOrderId()
                    + " is not reduce-only");
        }
        BigDecimal notional = request.quantity().multiply(referencePrice).multiply(multiplier);
        if (notional.compareTo(limits.maxOrderNotionalUsd()) > 0) {
            throw new RiskRejectedException("order " + request.clientOrderId() + " notional " + notional.toPlainString()
                    + " exceeds the limit of " + limits.maxOrderNotionalUsd().toPlainString());
        }
        long now = clock.millis();
        Deque<Long> window = recentOrders.computeIfAbsent(venue, v -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= 1_000) {
            window.pollFirst();
        }
        if (window.size() >= limits.maxOrdersPerSecond()) {
            throw new RiskRejectedException(venue + ": more than " + limits.maxOrdersPerSecond()
                    + " orders in one second; order " + request.clientOrderId() + " refused");
        }
        window.addLast(now);
    }
}
