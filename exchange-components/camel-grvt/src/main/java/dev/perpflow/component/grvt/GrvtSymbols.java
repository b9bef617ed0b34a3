package dev.perpflow.component.grvt;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GRVT perpetual names: {@code BTC_USDT_Perp} is {@code BTC}. The base currencies GRVT lists as 1000 tokens
 * ({@code KPEPE}, "the 1000PEPE token", and the same for BONK, SHIB and FLOKI) are that token with a quantity
 * multiplier of 1000; no other prefix is stripped (digits belong to a name: {@code 2Z} stays {@code 2Z}).
 */
final class GrvtSymbols {

    static final String QUOTE = "USDT";
    static final String SUFFIX = "_" + QUOTE + "_Perp";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Set<String> THOUSANDS = Set.of("KPEPE", "KBONK", "KSHIB", "KFLOKI");
    private static final Pattern PLAIN = Pattern.compile("^[A-Z0-9]+$");

    private GrvtSymbols() {
    }

    static Optional<Parsed> parse(String instrument) {
        if (instrument == null || !instrument.endsWith(SUFFIX) || instrument.length() == SUFFIX.length()) {
            return Optional.empty();
        }
        String base = instrument.substring(0, instrument.length() - SUFFIX.length());
        if (THOUSANDS.contains(base)) {
            return Optional.of(new Parsed(base.substring(1), THOUSAND));
        }
        return PLAIN.matcher(base).matches() ? Optional.of(new Parsed(base, BigDecimal.ONE)) : Optional.empty();
    }

    record Parsed(String symbol, BigDecimal multiplier) {
    }
}
