package dev.perpflow.risk;

import dev.perpflow.exchange.model.OrderRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every order against the trading state, the per-order notional cap and the per-venue order rate.
 *
 * <p>Trading states are kept per scope: {@link #GLOBAL} (the kill switch for everything) and one per account (the
 * daily loss limit halts one account); an account trades under the more restrictive of the two. What each state
 * allows (see docs/ARCHITECTURE.md, "Trading states"):
 * <ul>
 *   <li>ACTIVE: every order.</li>
 *   <li>REDUCING: only reduce-only orders.</li>
 *   <li>HALTED: only <em>protective</em> reduce-only orders (a rollback of a naked leg, a stop loss, a liquidation-risk
 *       exit, a close a person asked for); nothing that adds or keeps risk for later, no normal strategy exit.
 *       A halt stops new risk without trapping anyone in what is held.</li>
 * </ul>
 * The notional cap and the order rate apply to orders that add exposure; a reduce-only order can only shrink a
 * position the venue holds, so it is never refused by them (a large position can always be closed).
 *
 * <p>States are loaded from the store at construction (a halt survives restarts). Entering a stricter state takes
 * effect in memory first and is then saved (a kill switch must not wait for a disk or a database); leaving one is
 * saved first and fails when it cannot be, so a restart never lifts a halt nobody could record lifting.
 */
public final class RiskGuard {

    /** The scope of the kill switch that covers every account. */
    public static final String GLOBAL = "*";

    private static final Logger LOG = LoggerFactory.getLogger(RiskGuard.class);

    private final RiskLimits limits;
    private final TradingStateStore store;
    private final Clock clock;
    private final Map<String, Deque<Long>> recentOrders = new HashMap<>();
    private final Map<String, TradingStateStore.Saved> states = new ConcurrentHashMap<>();

    public RiskGuard(RiskLimits limits, TradingStateStore store, Clock clock) {
        this.limits = limits;
        this.store = store;
        this.clock = clock;
        store.loadAll().forEach((scope, saved) -> {
            if (saved.state() != TradingState.ACTIVE) {
                states.put(scope, saved);
                LOG.warn("Trading state of {} is {} since {} ({})", describe(scope), saved.state(), saved.at(),
                        saved.reason());
            }
        });
    }

    /** The global state (the kill switch). */
    public TradingState state() {
        return stateOf(GLOBAL);
    }

    /** The state {@code account} trades under: the more restrictive of its own and the global one. */
    public TradingState state(String account) {
        TradingState own = stateOf(account);
        TradingState global = stateOf(GLOBAL);
        return own.ordinal() > global.ordinal() ? own : global;
    }

    /** Every scope that is not ACTIVE, with why and since when. */
    public Map<String, TradingStateStore.Saved> restrictions() {
        return new LinkedHashMap<>(states);
    }

    /** Halts a scope at once (memory first), then saves it; a failed save is logged, the halt holds regardless. */
    public void halt(String scope, String reason) {
        restrict(scope, TradingState.HALTED, reason);
    }

    /** Allows only reduce-only orders in a scope (unless it is halted, which stays stricter). */
    public void reduceOnly(String scope, String reason) {
        restrict(scope, TradingState.REDUCING, reason);
    }

    /**
     * The explicit command that returns a scope to ACTIVE. Saved first: when the state cannot be persisted the
     * scope stays as it was and this throws.
     */
    public synchronized void resume(String scope, String reason) {
        TradingStateStore.Saved active = new TradingStateStore.Saved(TradingState.ACTIVE, reason, clock.instant());
        store.save(scope, active);
        states.remove(scope);
        LOG.warn("Trading of {} resumed: {}", describe(scope), reason);
    }

    private synchronized void restrict(String scope, TradingState next, String reason) {
        Objects.requireNonNull(scope, "scope");
        TradingState current = stateOf(scope);
        if (current == TradingState.HALTED && next != TradingState.HALTED) {
            return;   // only an explicit resume leaves HALTED
        }
        TradingStateStore.Saved saved = new TradingStateStore.Saved(next, reason, clock.instant());
        states.put(scope, saved);
        LOG.warn("Trading of {} is now {}: {}", describe(scope), next, reason);
        try {
            store.save(scope, saved);
        } catch (RuntimeException e) {
            LOG.error("The {} state of {} could not be saved ({}); it holds in this process", next, describe(scope),
                    e.getMessage());
        }
    }

    private TradingState stateOf(String scope) {
        TradingStateStore.Saved saved = states.get(scope);
        return saved == null ? TradingState.ACTIVE : saved.state();
    }

    /**
     * Refuses the order with a {@link RiskRejectedException} saying why, or counts it against the venue's rate.
     *
     * @param protective     a reduce-only order that removes risk a person or a safety rule wants gone (see above)
     * @param referencePrice the price the notional is measured at (the limit price, or the touch for a market order)
     * @param multiplier     tokens per contract unit of the market
     */
    public synchronized void check(String account, String venue, OrderRequest request, boolean protective,
            BigDecimal referencePrice, BigDecimal multiplier) {
        TradingState state = state(account);
        boolean reducing = request.reduceOnly();
        if (state == TradingState.HALTED && !(reducing && protective)) {
            throw new RiskRejectedException("trading is halted" + (stateOf(GLOBAL) == TradingState.HALTED ? ""
                    : " for account " + account) + ": order " + request.clientOrderId() + " refused (only protective "
                    + "reduce-only orders are allowed until resumed)");
        }
        if (state == TradingState.REDUCING && !reducing) {
            throw new RiskRejectedException("trading is reducing only: order " + request.clientOrderId()
                    + " is not reduce-only");
        }
        if (reducing) {
            return;
        }
        BigDecimal notional = request.quantity().multiply(referencePrice).multiply(multiplier);
        if (notional.compareTo(limits.maxOrderNotionalUsd()) > 0) {
            throw new RiskRejectedException("order " + request.clientOrderId() + " notional " + notional.toPlainString()
                    + " exceeds the limit of " + limits.maxOrderNotionalUsd().toPlainString());
        }
        long now = clock.millis();
        Deque<Long> window = recentOrders.computeIfAbsent(account + '|' + venue, v -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= 1_000) {
            window.pollFirst();
        }
        if (window.size() >= limits.maxOrdersPerSecond()) {
            throw new RiskRejectedException(venue + ": more than " + limits.maxOrdersPerSecond()
                    + " orders in one second; order " + request.clientOrderId() + " refused");
        }
        window.addLast(now);
    }

    private static String describe(String scope) {
        return GLOBAL.equals(scope) ? "every account" : "account " + scope;
    }
}
