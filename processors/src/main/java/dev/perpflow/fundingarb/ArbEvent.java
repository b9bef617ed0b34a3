package dev.perpflow.fundingarb;

import java.time.Instant;
import java.util.Map;

/**
 * Something a run reports: the seed's notification types ({@code position_opened}, {@code position_closed},
 * {@code insufficient_margin}, {@code liquidation_risk}) and operational events (entry failures, deferrals).
 */
public record ArbEvent(Instant time, String type, Level level, String symbol, String message,
        Map<String, Object> details) {

    public enum Level { INFO, WARNING, ERROR }

    public static final String POSITION_OPENED = "position_opened";
    public static final String POSITION_CLOSED = "position_closed";
    public static final String INSUFFICIENT_MARGIN = "insufficient_margin";
    public static final String LIQUIDATION_RISK = "liquidation_risk";
    /** A leg held without its hedge (a failed entry or close): the run closes it; the owner is told. */
    public static final String NAKED_LEG = "naked_leg";
    /** A close that keeps failing: the run backs off and keeps trying; the owner is told. */
    public static final String CLOSE_FAILING = "close_failing";

    public ArbEvent {
        details = Map.copyOf(details);
    }

    /** Whether the event is one the owner is notified of. */
    public boolean isNotification() {
        return type.equals(POSITION_OPENED) || type.equals(POSITION_CLOSED) || type.equals(INSUFFICIENT_MARGIN)
                || type.equals(LIQUIDATION_RISK) || type.equals(NAKED_LEG) || type.equals(CLOSE_FAILING);
    }
}
