package dev.perpflow.component.paradex;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paradex perpetual names: {@code BTC-USD-PERP} is {@code BTC}. A {@code k}-prefixed base ({@code kBONK-USD-PERP})
 * quotes 1000 tokens per contract, so it is {@code BONK} with a quantity multiplier of 1000. Options and other
 * quotes are not perpetuals and are left out.
 */
final class ParadexSymbols {

    static final String SUFFIX = "-USD-PERP";
    /** Paradex quotes in USD and settles in USDC. */
    static final String SETTLEMENT = "USDC";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Pattern THOUSANDS = Pattern.compile("^k([A-Z0-9]+)$");
    private static final Pattern PLAIN = Pattern.compile("^[A-Z0-9]+$");

    private ParadexSymbols() {
    }

    static Optional<Parsed> parse(String venueSymbol) {
        if (venueSymbol == null || !venueSymbol.endsWith(SUFFIX) || venueSymbol.length() == SUFFIX.length()) {
            return Optional.empty();
        }
        String base = venueSymbol.substring(0, venueSymbol.length() - SUFFIX.length());
        Matcher thousands = THOUSANDS.matcher(base);
        if (thousands.matches()) {
            return Optional.of(new Parsed(thousands.group(1), THOUSAND));
        }
        return PLAIN.matcher(base).matches() ? Optional.of(new Parsed(base, BigDecimal.ONE)) : Optional.empty();
    }

    record Parsed(String symbol, BigDecimal multiplier) {
    }
}
