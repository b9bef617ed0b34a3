package dev.perpflow.component.paradex;

import dev.perpflow.exchange.market.VenueSymbols;
import java.util.Optional;

/**
 * Paradex perpetual names: {@code BTC-USD-PERP} is {@code BTC}. A {@code k}-prefixed base ({@code kBONK-USD-PERP})
 * quotes 1000 tokens per contract, so it is {@code BONK} with a quantity multiplier of 1000. Options and other
 * quotes are not perpetuals and are left out.
 */
final class ParadexSymbols {

    static final String SUFFIX = "-USD-PERP";
    /** Paradex quotes in USD and settles in USDC. */
    static final String SETTLEMENT = "USDC";
    private static final VenueSymbols NAMES = VenueSymbols.of("k", SUFFIX);

    private ParadexSymbols() {
    }

    static Optional<VenueSymbols.Parsed> parse(String venueSymbol) {
        return NAMES.parse(venueSymbol);
    }
}
