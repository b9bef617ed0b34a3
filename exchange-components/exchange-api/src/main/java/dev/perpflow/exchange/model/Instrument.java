package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A perpetual market on one venue.
 *
 * @param venue              venue name, e.g. {@code aster}
 * @param symbol             normalized base symbol shared across venues, e.g. {@code BTC}, {@code BONK}
 * @param venueSymbol        the venue's own market name, e.g. {@code BTCUSDT}, {@code 1000BONKUSDT}
 * @param quoteAsset         settlement asset, e.g. {@code USDT}
 * @param tickSize           price increment
 * @param lotSize            quantity increment, in venue contract units
 * @param minNotional        smallest order value in quote currency
 * @param maxLeverage        highest leverage the venue allows on this market
 * @param fundingIntervalHours hours between funding settlements (1, 4 or 8)
 * @param quantityMultiplier tokens per venue contract unit: 1000 for {@code 1000BONK} or {@code kBONK}, else 1
 */
public record Instrument(
        String venue,
        String symbol,
        String venueSymbol,
        String quoteAsset,
        BigDecimal tickSize,
        BigDecimal lotSize,
        BigDecimal minNotional,
        int maxLeverage,
        int fundingIntervalHours,
        BigDecimal quantityMultiplier) {

    public Instrument {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venueSymbol, "venueSymbol");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        requirePositive(tickSize, "tickSize");
        requirePositive(lotSize, "lotSize");
        Objects.requireNonNull(minNotional, "minNotional");
        requirePositive(quantityMultiplier, "quantityMultiplier");
        if (maxLeverage < 1) {
            throw new IllegalArgumentException("maxLeverage must be >= 1, was " + maxLeverage);
        }
        if (fundingIntervalHours < 1) {
            throw new IllegalArgumentException("fundingIntervalHours must be >= 1, was " + fundingIntervalHours);
        }
    }

    /** Rounds a price down (for bids) or up (for asks) to the tick grid. */
    public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
        return price.divide(tickSize, 0, mode).multiply(tickSize).stripTrailingZeros();
    }

    /** Rounds a quantity down to the lot grid, never up: an order must not exceed what was asked. */
    public BigDecimal roundQuantityDown(BigDecimal quantity) {
        return quantity.divide(lotSize, 0, RoundingMode.DOWN).multiply(lotSize).stripTrailingZeros();
    }

    /** Converts a quantity in venue contract units to tokens of the underlying. */
    public BigDecimal toTokens(BigDecimal venueQuantity) {
        return venueQuantity.multiply(quantityMultiplier);
    }

    /** Converts a token quantity to venue contract units (not rounded to the lot). */
    public BigDecimal fromTokens(BigDecimal tokens) {
        return tokens.divide(quantityMultiplier, tokens.scale() + 6, RoundingMode.DOWN).stripTrailingZeros();
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
    }
}
