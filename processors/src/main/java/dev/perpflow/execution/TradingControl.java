package dev.perpflow.execution;

import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.TradingState;
import java.util.concurrent.CompletableFuture;

/** The kill switch: HALT refuses every new order and cancels the working ones; only an explicit resume lifts it. */
public final class TradingControl {

    private final RiskGuard risk;
    private final OrderGateway gateway;

    public TradingControl(RiskGuard risk, OrderGateway gateway) {
        this.risk = risk;
        this.gateway = gateway;
    }

    /** Halts trading (persisted) and cancels every working order; completes when the cancels are answered. */
    public CompletableFuture<Void> halt(String reason) {
        risk.enter(TradingState.HALTED, reason);
        return gateway.cancelAllOpen();
    }

    /** Only orders that reduce exposure from now on. */
    public void reduceOnly(String reason) {
        risk.enter(TradingState.REDUCING, reason);
    }

    public void resume(String reason) {
        risk.resume(reason);
    }

    public TradingState state() {
        return risk.state();
    }
}
