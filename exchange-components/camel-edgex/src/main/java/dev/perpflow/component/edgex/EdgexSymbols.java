package dev.perpflow.component.edgex;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EdgeX contract names: {@code BTCUSD} (or {@code BTCUSDT}) is {@code BTC}. A {@code 1000}-prefixed base ({@code 1000PEPEUSD}) quotes 1000
 * tokens per contract, so it is {@code PEPE} with a quantity multiplier of 1000; other digits are part of the name.
 * Contracts are found by their {@code contractId} on the wire; the name only gives the symbol.
 */
final class EdgexSymbols {

    static final String SUFFIX = "USD";
    /** EdgeX quotes in USD and settles in USDT. */
    static final String SETTLEMENT = "USDT";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Pattern THOUSANDS = Pattern.compile("^1000([A-Z][A-Z0-9]*)$");
    private static final Pattern PLAIN = Pattern.compile("^[A-Z0-9]+$");

    private EdgexSymbols() {
    }

    static Optional<Parsed> parse(String venueSymbol) {
        if (venueSymbol == null) {
            return Optional.empty();
        }
        String quote = venueSymbol.endsWith(SUFFIX + "T") ? SUFFIX + "T" : SUFFIX;
        if (!venueSymbol.endsWith(quote) || venueSymbol.length() == quote.length()) {
            return Optional.empty();
        }
        String base = venueSymbol.substring(0, venueSymbol.length() - quote.length());
        Matcher thousands = THOUSANDS.matcher(base);
        if (thousands.matches()) {
            return Optional.of(new Parsed(thousands.group(1), THOUSAND));
        }
        return PLAIN.matcher(base).matches() ? Optional.of(new Parsed(base, BigDecimal.ONE)) : Optional.empty();
    }

    record Parsed(String symbol, BigDecimal multiplier) {
    }
}
