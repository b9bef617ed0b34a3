package dev.perpflow.fundingarb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A delta-neutral funding-arbitrage position of one run: long {@code symbol} on {@code longLeg.venue()}, short on
 * {@code shortLeg.venue()}. It is persisted as {@link Status#OPENING} before any order is sent, so a restart knows
 * what may be in flight; every order's client id derives from the position id and a persisted attempt counter.
 *
 * @param entryDivergence short rate − long rate (8-hour normalized) at entry
 * @param closeAttempts   how many close executions were started (each uses fresh client order ids)
 * @param exitPolling     set while the run waits for a break-even exit, else {@code null}
 */
public record ArbPosition(String id, String runId, String symbol, ArbLeg longLeg, ArbLeg shortLeg, BigDecimal sizeUsd,
        BigDecimal entryLongRate, BigDecimal entryShortRate, BigDecimal entryDivergence, Instant openedAt,
        Status status, BigDecimal currentDivergence, Instant lastCheck, BigDecimal cumulativeFunding,
        int closeAttempts, ExitPolling exitPolling, String exitReason, Instant closedAt, BigDecimal pnlUsd,
        String mergedInto, String error) {

    public enum Status {
        /** persisted intent: orders may be in flight */
        OPENING,
        OPEN,
        /** a close was started and is not confirmed complete */
        CLOSING,
        CLOSED,
        /** the entry did not end with a hedged position and nothing is held */
        FAILED,
        /** an entry tranche added to an open position of the same pair ({@link #mergedInto()}) */
        MERGED;

        public boolean isActive() {
            return this == OPENING || this == OPEN || this == CLOSING;
        }
    }

    /** The seed's exit polling state: waiting up to 10 minutes for a break-even exit. */
    public record ExitPolling(Instant startedAt, String reason) {
    }

    public ArbPosition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(longLeg, "longLeg");
        Objects.requireNonNull(shortLeg, "shortLeg");
        Objects.requireNonNull(status, "status");
        cumulativeFunding = cumulativeFunding == null ? BigDecimal.ZERO : cumulativeFunding;
    }

    public String longDex() {
        return longLeg.venue();
    }

    public String shortDex() {
        return shortLeg.venue();
    }

    public BigDecimal totalFees() {
        return longLeg.fees().add(shortLeg.fees());
    }

    public BigDecimal ageHours(Instant now) {
        return BigDecimal.valueOf(Duration.between(openedAt, now).toMillis())
                .divide(BigDecimal.valueOf(3_600_000), MathContext.DECIMAL64);
    }

    /** Funding received minus fees paid so far (the seed's {@code get_net_pnl}). */
    public BigDecimal netFundingPnl() {
        return cumulativeFunding.subtract(totalFees());
    }

    /**
     * Funding received minus fees paid plus the legs' unrealized PnL as last monitored (a leg not monitored yet
     * counts 0): what the position would make if closed at the marks of its last check, before exit costs.
     */
    public BigDecimal netPnlUsd() {
        return netFundingPnl().add(unrealized(longLeg)).add(unrealized(shortLeg));
    }

    private static BigDecimal unrealized(ArbLeg leg) {
        return leg.snapshot() == null || leg.snapshot().unrealizedPnl() == null ? BigDecimal.ZERO
                : leg.snapshot().unrealizedPnl();
    }

    /** Deterministic client-order-id prefix of this position's entry orders. */
    public String entryIdPrefix() {
        return "fa-" + id + "-e";
    }

    /** Deterministic client-order-id prefix of close attempt {@code attempt}. */
    public String closeIdPrefix(int attempt) {
        return "fa-" + id + "-c" + attempt;
    }

    public ArbPosition with(Status next) {
        return new ArbPosition(id, runId, symbol, longLeg, shortLeg, sizeUsd, entryLongRate, entryShortRate,
                entryDivergence, openedAt, next, currentDivergence, lastCheck, cumulativeFunding, closeAttempts,
                exitPolling, exitReason, closedAt, pnlUsd, mergedInto, error);
    }

    public ArbPosition withLegs(ArbLeg nextLong, ArbLeg nextShort, BigDecimal nextSize) {
        return new ArbPosition(id, runId, symbol, nextLong, nextShort, nextSize, entryLongRate, entryShortRate,
                entryDivergence, openedAt, status, currentDivergence, lastCheck, cumulativeFunding, closeAttempts,
                exitPolling, exitReason, closedAt, pnlUsd, mergedInto, error);
    }

    public ArbPosition withEntryRates(BigDecimal longRate, BigDecimal shortRate) {
        return new ArbPosition(id, runId, symbol, longLeg, shortLeg, sizeUsd, longRate, shortRate,
                shortRate.subtract(longRate), openedAt, status, currentDivergence, lastCheck, cumulativeFunding,
                closeAttempts, exitPolling, exitReason, closedAt, pnlUsd, mergedInto, error);
    }

    public ArbPosition monitored(BigDecimal divergence, BigDecimal funding, Instant at) {
        return new ArbPosition(id, runId, symbol, longLeg, shortLeg, sizeUsd, entryLongRate, entryShortRate,
                entryDivergence, openedAt, status, divergence, at, funding, closeAttempts, exitPolling, exitReason,
                closedAt, pnlUsd, mergedInto, error);
    }

    public ArbPosition withExitPolling(ExitPolling polling) {
        return new ArbPosition(id, runId, symbol, longLeg, shortLeg, sizeUsd, entryLongRate, entryShortRate,
                entryDivergence, openedAt, status, currentDivergence, lastCheck, cumulativeFunding, closeAttempts,
                polling, exitReason, closedAt, pnlUsd, mergedInto, error);
    }

    /** Marks a close attempt as started (persisted before its orders are sent). */
    public ArbPosition closing(String reason) {
        return new ArbPosition(id, runId, symbol, longLeg, shortLeg, sizeUsd, entryLongRate, entryShortRate,
                entryDivergence, openedAt, Status.CLOSING, currentDivergence, lastCheck, cumulativeFunding,
                closeAttempts + 1, null, reason, closedAt, pnlUsd, mergedInto, error);
    }

    public ArbPosition closed(String reason, BigDecimal pnl, Instant at) {
        return new ArbPosition(id, runId, symbol, longLeg, shortLeg, sizeUsd, entryLongRate, entryShortRate,
                entryDivergence, openedAt, Status.CLOSED, currentDivergence, lastCheck, cumulativeFunding,
                closeAttempts, null, reason, at, pnl, mergedInto, error);
    }

    public ArbPosition failed(String why, Instant at) {
        return new ArbPosition(id, runId, symbol, longLeg, shortLeg, sizeUsd, entryLongRate, entryShortRate,
                entryDivergence, openedAt, Status.FAILED, currentDivergence, lastCheck, cumulativeFunding,
                closeAttempts, null, exitReason, at, pnlUsd, mergedInto, why);
    }

    /** The same position with a note of what is wrong or unknown about it ({@code null}: nothing). */
    public ArbPosition withError(String why) {
        return new ArbPosition(id, runId, symbol, longLeg, shortLeg, sizeUsd, entryLongRate, entryShortRate,
                entryDivergence, openedAt, status, currentDivergence, lastCheck, cumulativeFunding, closeAttempts,
                exitPolling, exitReason, closedAt, pnlUsd, mergedInto, why);
    }

    public ArbPosition mergedInto(String target, Instant at) {
        return new ArbPosition(id, runId, symbol, longLeg, shortLeg, sizeUsd, entryLongRate, entryShortRate,
                entryDivergence, openedAt, Status.MERGED, currentDivergence, lastCheck, cumulativeFunding,
                closeAttempts, null, exitReason, at, pnlUsd, target, error);
    }
}
