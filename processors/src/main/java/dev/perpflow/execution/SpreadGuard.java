package dev.perpflow.execution;

import dev.perpflow.exchange.model.Bbo;
import java.math.BigDecimal;

/** The seed's spread protection: no order into a book wider than 2 % (3 % for emergencies). */
public final class SpreadGuard {

    public static final BigDecimal MAX_SPREAD = new BigDecimal("0.02");
    public static final BigDecimal MAX_CRITICAL_SPREAD = new BigDecimal("0.03");

    private SpreadGuard() {
    }

    /** The reason to refuse, or {@code null} when the spread is acceptable. */
    public static String check(Bbo bbo, boolean critical) {
        if (bbo.bid().signum() <= 0 || bbo.ask().signum() <= 0 || bbo.bid().compareTo(bbo.ask()) > 0) {
            return "invalid book on " + bbo.venue() + " " + bbo.symbol() + ": bid " + bbo.bid() + ", ask " + bbo.ask();
        }
        BigDecimal limit = critical ? MAX_CRITICAL_SPREAD : MAX_SPREAD;
        BigDecimal spread = bbo.spreadFraction();
        if (spread.compareTo(limit) > 0) {
            return "wide spread on " + bbo.venue() + " " + bbo.symbol() + ": "
                    + spread.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP) + " % > "
                    + limit.movePointRight(2) + " %";
        }
        return null;
    }
}
