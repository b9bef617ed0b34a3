package dev.perpflow.component.backpack;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backpack perpetual names: {@code SOL_USDC_PERP} is {@code SOL}. A {@code k}-prefixed base ({@code kBONK_USDC_PERP})
 * quotes 1000 tokens per contract, so its normalized symbol is {@code BONK} with a quantity multiplier of 1000. Only
 * that known prefix is stripped: digits are part of a name ({@code 2Z} stays {@code 2Z}, the seed's normalizer bug).
 */
final class BackpackSymbols {

    static final String QUOTE = "USDC";
    static final String SUFFIX = "_" + QUOTE + "_PERP";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Pattern THOUSANDS = Pattern.compile("^k([A-Z0-9]+)$");
    private static final Pattern PLAIN = Pattern.compile("^[A-Z0-9]+$");

    private BackpackSymbols() {
    }

    /** The normalized symbol and multiplier of a USDC perpetual, or empty for spot and other quotes. */
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
