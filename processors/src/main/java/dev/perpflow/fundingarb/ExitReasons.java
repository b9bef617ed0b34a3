package dev.perpflow.fundingarb;

import java.util.Locale;
import java.util.Set;

/** The seed's exit reason codes. */
public final class ExitReasons {

    public static final String DIVERGENCE_FLIPPED = "DIVERGENCE_FLIPPED";
    public static final String SEVERE_EROSION = "SEVERE_EROSION";
    public static final String PROFIT_EROSION = "PROFIT_EROSION";
    public static final String TIME_LIMIT = "TIME_LIMIT";
    public static final String LEG_LIQUIDATED = "LEG_LIQUIDATED";
    public static final String ALL_LEGS_CLOSED = "ALL_LEGS_CLOSED";
    public static final String SEVERE_IMBALANCE = "SEVERE_IMBALANCE";
    public static final String MANUAL_CLOSE = "manual_close";
    public static final String STOP_WITH_CLOSE = "stop_with_close";
    public static final String NAKED_LEG = "NAKED_LEG_ON_RESTART";
    public static final String NAKED_AFTER_FAILED_ENTRY = "NAKED_LEG_AFTER_FAILED_ENTRY";
    /** The legs were gone at the venues without a close by this run (liquidated, closed by hand, venue reset). */
    public static final String CLOSED_OUTSIDE = "CLOSED_OUTSIDE_PERPFLOW";

    private static final Set<String> CRITICAL = Set.of(SEVERE_IMBALANCE, LEG_LIQUIDATED, NAKED_LEG,
            NAKED_AFTER_FAILED_ENTRY);

    private ExitReasons() {
    }

    public static String liquidationRisk(String venue) {
        return "LIQUIDATION_RISK_" + venue.toUpperCase(Locale.ROOT);
    }

    public static String timeout(String reason) {
        return reason + "_TIMEOUT";
    }

    /** Emergencies close at market and tolerate the wider 3 % spread. */
    public static boolean isCritical(String reason) {
        return CRITICAL.contains(reason) || reason.startsWith("LIQUIDATION_");
    }

    /**
     * Closes that remove risk a safety rule or a person wants gone: sent as protective orders, so they go out even
     * while trading is halted (a kill switch stops new risk, it does not trap anyone in what is held).
     */
    public static boolean isProtective(String reason) {
        return isCritical(reason) || isManual(reason);
    }

    /** Closes asked for by a person: they proceed through a wide spread (the API asks for confirmation first). */
    public static boolean isManual(String reason) {
        return reason.equals(MANUAL_CLOSE) || reason.equals(STOP_WITH_CLOSE) || reason.startsWith("telegram_")
                || reason.startsWith("manual");
    }
}
