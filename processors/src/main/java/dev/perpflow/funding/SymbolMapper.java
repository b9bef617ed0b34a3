package dev.perpflow.funding;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps venue market names to perpflow's normalized base symbol and quantity multiplier, and back. Only quote and
 * perpetual suffixes and the known multiplier prefixes ({@code 1000}, {@code 1000000}, Lighter's lower-case
 * {@code k}) are removed, so {@code 2Z} and {@code Z}, {@code 1INCH} and {@code AI16Z} stay what they are (the
 * seed stripped every leading digit and then hard-coded a skip list).
 */
public final class SymbolMapper {

    /** A market name understood: the shared symbol and how many tokens one venue unit holds. */
    public record NormalizedSymbol(String symbol, BigDecimal multiplier) {

        public NormalizedSymbol {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(multiplier, "multiplier");
        }
    }

    // longest first, so BTC-USD-PERP loses "-USD-PERP" rather than "-PERP"
    private static final List<String> SUFFIXES = List.of("_USDT_PERP", "_USDC_PERP", "-USDT-PERP", "-USDC-PERP",
            "-USD-PERP", "_USD_PERP", "/USDT:USDT", "/USDC:USDC", "-PERP", "_PERP", "-USDT", "-USDC", "_USDT",
            "_USDC", "-USD", "_USD", "USDT", "USDC", "USD");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private SymbolMapper() {
    }

    public static NormalizedSymbol normalize(String venueSymbol) {
        if (venueSymbol == null || venueSymbol.isBlank()) {
            throw new IllegalArgumentException("a market name is required");
        }
        String raw = venueSymbol.trim();
        // Lighter's k-prefix is lower case: "kPEPE"; "KAVA" or "KNC" are real symbols and keep their K
        boolean kilo = raw.length() > 1 && raw.charAt(0) == 'k' && Character.isUpperCase(raw.charAt(1));
        String base = stripSuffix((kilo ? raw.substring(1) : raw).toUpperCase(Locale.ROOT));
        if (kilo) {
            return new NormalizedSymbol(base, THOUSAND);
        }
        if (base.startsWith("1000000") && isSymbol(base.substring(7))) {
            return new NormalizedSymbol(base.substring(7), MILLION);
        }
        if (base.startsWith("1000") && isSymbol(base.substring(4))) {
            return new NormalizedSymbol(base.substring(4), THOUSAND);
        }
        return new NormalizedSymbol(base, BigDecimal.ONE);
    }

    /**
     * The venue's market name for a symbol: the plain form, or a multiplier form ({@code 1000BONK},
     * {@code kBONK}) when that is the one the venue lists.
     */
    public static String toVenueSymbol(String symbol, VenueSymbolFormat format, Collection<String> venueMarkets) {
        String base = symbol.toUpperCase(Locale.ROOT);
        for (String candidate : List.of(format.format(base), format.format("1000" + base),
                format.format("1000000" + base), format.format("k" + base))) {
            if (venueMarkets.contains(candidate)) {
                return candidate;
            }
        }
        return format.format(base);
    }

    private static String stripSuffix(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** A remainder is a symbol if it has at least one letter (so "1000" alone or "1000000" are not stripped to ""). */
    private static boolean isSymbol(String rest) {
        return !rest.isEmpty() && rest.chars().anyMatch(Character::isLetter);
    }
}
