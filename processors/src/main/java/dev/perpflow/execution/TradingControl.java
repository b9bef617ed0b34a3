package dev.perpflow.execution;

import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.TradingState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The kill switch over every account's gateway: HALT refuses every order but protective reduce-only ones (see
 * {@link RiskGuard}) the moment it is called, then cancels the working orders of every account it covers, in
 * parallel, without needing the database. Only an explicit resume lifts it.
 */
public final class TradingControl {

    private final RiskGuard risk;
    private final Supplier<Collection<OrderGateway>> gateways;

    /** @param gateways every account's gateway that exists now (asked at each halt) */
    public TradingControl(RiskGuard risk, Supplier<Collection<OrderGateway>> gateways) {
        this.risk = risk;
        this.gateways = gateways;
    }

    /** A kill switch over one gateway (tests, tools). */
    public TradingControl(RiskGuard risk, OrderGateway gateway) {
        this(risk, () -> List.of(gateway));
    }

    /** Halts every account and cancels all their working orders; completes with what each account's pass did. */
    public CompletableFuture<List<OrderGateway.CancelReport>> halt(String reason) {
        return halt(RiskGuard.GLOBAL, reason);
    }

    /**
     * Halts {@code scope} ({@link RiskGuard#GLOBAL} or an account) and cancels the working orders of the accounts it
     * covers; completes when every cancel was answered.
     */
    public CompletableFuture<List<OrderGateway.CancelReport>> halt(String scope, String reason) {
        risk.halt(scope, reason);
        List<CompletableFuture<OrderGateway.CancelReport>> passes = gateways.get().stream()
                .filter(g -> RiskGuard.GLOBAL.equals(scope) || g.account().equals(scope))
                .map(OrderGateway::cancelAllOpen)
                .toList();
        return CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> passes.stream().map(CompletableFuture::join).toList());
    }

    /** Only orders that reduce exposure from now on, for every account. */
    public void reduceOnly(String reason) {
        risk.reduceOnly(RiskGuard.GLOBAL, reason);
    }

    /** Lifts the global halt (saved first; throws when it cannot be). */
    public void resume(String reason) {
        risk.resume(RiskGuard.GLOBAL, reason);
    }

    /** Lifts one scope's halt (saved first; throws when it cannot be). */
    public void resume(String scope, String reason) {
        risk.resume(scope, reason);
    }

    /** The global state. */
    public TradingState state() {
        return risk.state();
    }

    /** The state {@code account} trades under. */
    public TradingState state(String account) {
        return risk.state(account);
    }

    /** Every scope that is not ACTIVE, with its reason and time. */
    public Map<String, dev.perpflow.risk.TradingStateStore.Saved> restrictions() {
        return risk.restrictions();
    }
}
