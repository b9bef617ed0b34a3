package dev.perpflow.component.lighter;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lighter's market names are the base symbol ({@code ETH}, {@code 2Z}); a {@code k}-prefixed one ({@code kPEPE},
 * {@code kTOSHI}) quotes 1000 tokens per unit, so its normalized symbol drops the prefix and its quantity multiplier
 * is 1000. Only that known prefix is stripped: digits are part of a name ({@code 2Z} stays {@code 2Z}, the seed's
 * normalizer bug).
 */
final class LighterSymbols {

    static final String QUOTE = "USDC";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Pattern THOUSANDS = Pattern.compile("^k([A-Z0-9]+)$");
    private static final Pattern PLAIN = Pattern.compile("^[A-Z0-9]+$");

    private LighterSymbols() {
    }

    static Optional<Parsed> parse(String venueSymbol) {
        if (venueSymbol == null) {
            return Optional.empty();
        }
        Matcher thousands = THOUSANDS.matcher(venueSymbol);
        if (thousands.matches()) {
            return Optional.of(new Parsed(thousands.group(1), THOUSAND));
        }
        return PLAIN.matcher(venueSymbol).matches() ? Optional.of(new Parsed(venueSymbol, BigDecimal.ONE))
                : Optional.empty();
    }

    record Parsed(String symbol, BigDecimal multiplier) {
    }
}
