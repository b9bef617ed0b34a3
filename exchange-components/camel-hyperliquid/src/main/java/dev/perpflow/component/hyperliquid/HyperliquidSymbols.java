package dev.perpflow.component.hyperliquid;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hyperliquid perpetuals are named by their coin ({@code BTC}, {@code ETH}). A {@code k}-prefixed coin
 * ({@code kPEPE}, {@code kBONK}) quotes 1000 tokens per contract, so its normalized symbol is {@code PEPE} with a
 * quantity multiplier of 1000. Only that known prefix is stripped (digits belong to a name: {@code 2Z} stays
 * {@code 2Z}); names of builder-deployed dexes ({@code dex:COIN}) and other shapes are not perpflow markets.
 */
final class HyperliquidSymbols {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Pattern THOUSANDS = Pattern.compile("^k([A-Z0-9]+)$");
    private static final Pattern PLAIN = Pattern.compile("^[A-Z0-9]+$");

    private HyperliquidSymbols() {
    }

    static Optional<Parsed> parse(String coin) {
        if (coin == null) {
            return Optional.empty();
        }
        Matcher thousands = THOUSANDS.matcher(coin);
        if (thousands.matches()) {
            return Optional.of(new Parsed(thousands.group(1), THOUSAND));
        }
        return PLAIN.matcher(coin).matches() ? Optional.of(new Parsed(coin, BigDecimal.ONE)) : Optional.empty();
    }

    record Parsed(String symbol, BigDecimal multiplier) {
    }
}
