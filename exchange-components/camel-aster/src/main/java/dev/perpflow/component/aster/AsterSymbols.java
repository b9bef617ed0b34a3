package dev.perpflow.component.aster;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aster market names: {@code BTCUSDT} is {@code BTC}; a {@code 1000}-prefixed market ({@code 1000BONKUSDT}) quotes
 * 1000 tokens per contract, so its normalized symbol is {@code BONK} with a quantity multiplier of 1000.
 */
final class AsterSymbols {

    static final String QUOTE = "USDT";
    private static final Pattern MULTIPLIED = Pattern.compile("^(10{3,})([A-Z0-9]+)$");

    private AsterSymbols() {
    }

    /** The normalized symbol and multiplier of a USDT-margined market, or empty for other quotes. */
    static Optional<Parsed> parse(String venueSymbol) {
        if (!venueSymbol.endsWith(QUOTE) || venueSymbol.length() == QUOTE.length()) {
            return Optional.empty();
        }
        String base = venueSymbol.substring(0, venueSymbol.length() - QUOTE.length());
        Matcher multiplied = MULTIPLIED.matcher(base);
        if (multiplied.matches()) {
            return Optional.of(new Parsed(multiplied.group(2), new BigDecimal(multiplied.group(1))));
        }
        return Optional.of(new Parsed(base, BigDecimal.ONE));
    }

    record Parsed(String symbol, BigDecimal multiplier) {
    }
}
