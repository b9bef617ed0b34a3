package dev.perpflow.execution;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a multi-leg execution.
 *
 * @param legTokens          tokens held per leg at the end (after hedge or rollback), in leg order
 * @param residualImbalance  (max − min) / max of the legs' tokens; 0 when flat or perfectly hedged
 * @param rollbackCost       realized loss of unwinding the legs, in quote currency (0 when no rollback)
 * @param exposureWindow     from the first fill to hedged or flat; {@code Duration.ZERO} when nothing filled
 * @param confirmed          whether {@code legTokens} is known for sure (every order ended, or the venues' positions
 *                           were read); when not, a leg may hold more than it says and must stay watched
 */
public record AtomicResult(boolean success, List<ExecutionResult> legs, List<BigDecimal> legTokens,
        BigDecimal residualImbalance, boolean hedged, boolean rollbackPerformed, BigDecimal rollbackCost,
        Duration exposureWindow, String error, boolean confirmed) {

    /** Whether the venues are known to hold nothing of this execution: a failed entry that may be taken as flat. */
    public boolean flat() {
        return confirmed && legTokens.stream().allMatch(t -> t.signum() == 0);
    }
}
