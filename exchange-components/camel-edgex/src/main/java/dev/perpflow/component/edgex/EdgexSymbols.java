package dev.perpflow.component.edgex;

import dev.perpflow.exchange.market.VenueSymbols;
import java.util.Optional;

/**
 * EdgeX contract names: {@code BTCUSD} (or {@code BTCUSDT}) is {@code BTC}. A {@code 1000}-prefixed base ({@code 1000PEPEUSD}) quotes 1000
 * tokens per contract, so it is {@code PEPE} with a quantity multiplier of 1000; other digits are part of the name.
 * Contracts are found by their {@code contractId} on the wire; the name only gives the symbol.
 */
final class EdgexSymbols {

    static final String SUFFIX = "USD";
    /** EdgeX quotes in USD and settles in USDT. */
    static final String SETTLEMENT = "USDT";
    private static final VenueSymbols NAMES = VenueSymbols.of("1000", SUFFIX, SUFFIX + "T");

    private EdgexSymbols() {
    }

    static Optional<VenueSymbols.Parsed> parse(String venueSymbol) {
        return NAMES.parse(venueSymbol);
    }
}
