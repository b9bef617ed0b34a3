package dev.perpflow.funding;

import java.util.Locale;

/** How each venue spells a perpetual market for a base symbol (after any multiplier prefix). */
public enum VenueSymbolFormat {
    ASTER("%sUSDT"),
    BACKPACK("%s_USDC_PERP"),
    LIGHTER("%s"),
    PARADEX("%s-USD-PERP"),
    EDGEX("%sUSD"),
    GRVT("%s_USDT_Perp"),
    HYPERLIQUID("%s"),
    SIM("%s");

    private final String pattern;

    VenueSymbolFormat(String pattern) {
        this.pattern = pattern;
    }

    public String format(String base) {
        return String.format(Locale.ROOT, pattern, base);
    }

    /** The format of a venue by name; unknown venues (including every sim instance) use the bare symbol. */
    public static VenueSymbolFormat of(String venue) {
        for (VenueSymbolFormat format : values()) {
            if (format.name().equalsIgnoreCase(venue)) {
                return format;
            }
        }
        return SIM;
    }
}
