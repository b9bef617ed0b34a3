package dev.perpflow.component.sim;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One simulated market.
 *
 * @param symbol               normalized symbol, e.g. {@code BONK}
 * @param venueSymbol          the sim venue's own name, e.g. {@code 1000BONK}
 * @param initialPrice         starting mid price, per venue contract unit
 * @param baseFundingRate      mean funding rate per interval (fraction); the venue's bias is added to it
 * @param fundingVolatility    standard deviation of the rate's noise per settlement
 * @param quantityMultiplier   tokens per contract unit (1000 for {@code 1000BONK})
 * @param volume24hUsd         reported 24 h volume
 * @param openInterestUsd      reported open interest
 */
public record SimMarketConfig(
        String symbol,
        String venueSymbol,
        BigDecimal initialPrice,
        BigDecimal tickSize,
        BigDecimal lotSize,
        BigDecimal minNotional,
        int maxLeverage,
        int fundingIntervalHours,
        BigDecimal baseFundingRate,
        BigDecimal fundingVolatility,
        BigDecimal quantityMultiplier,
        BigDecimal volume24hUsd,
        BigDecimal openInterestUsd) {

    public SimMarketConfig {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venueSymbol, "venueSymbol");
        requirePositive(initialPrice, "initialPrice");
        requirePositive(tickSize, "tickSize");
        requirePositive(lotSize, "lotSize");
        requirePositive(quantityMultiplier, "quantityMultiplier");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(baseFundingRate, "baseFundingRate");
        Objects.requireNonNull(fundingVolatility, "fundingVolatility");
        if (maxLeverage < 1) {
            throw new IllegalArgumentException(symbol + ": maxLeverage must be >= 1");
        }
        if (fundingIntervalHours != 1 && fundingIntervalHours != 4 && fundingIntervalHours != 8) {
            throw new IllegalArgumentException(symbol + ": fundingIntervalHours must be 1, 4 or 8, was "
                    + fundingIntervalHours);
        }
    }

    /** A market with round defaults: tick and lot derived from the price, 20× leverage, 8 h funding. */
    public static SimMarketConfig of(String symbol, String price, String baseFundingRate) {
        BigDecimal p = new BigDecimal(price);
        BigDecimal tick = BigDecimal.ONE.movePointLeft(Math.max(0, 5 - p.precision() + p.scale()));
        BigDecimal lot = p.compareTo(BigDecimal.valueOf(1000)) >= 0 ? new BigDecimal("0.001")
                : p.compareTo(BigDecimal.TEN) >= 0 ? new BigDecimal("0.01") : BigDecimal.ONE;
        return new SimMarketConfig(symbol, symbol, p, tick, lot, new BigDecimal("5"), 20, 8,
                new BigDecimal(baseFundingRate), new BigDecimal("0.00002"), BigDecimal.ONE,
                p.multiply(BigDecimal.valueOf(2_000_000)).min(new BigDecimal("2000000000")),
                p.multiply(BigDecimal.valueOf(500_000)).min(new BigDecimal("500000000")));
    }

    public SimMarketConfig withFundingIntervalHours(int hours) {
        return new SimMarketConfig(symbol, venueSymbol, initialPrice, tickSize, lotSize, minNotional, maxLeverage, hours,
                baseFundingRate, fundingVolatility, quantityMultiplier, volume24hUsd, openInterestUsd);
    }

    public SimMarketConfig withMaxLeverage(int leverage) {
        return new SimMarketConfig(symbol, venueSymbol, initialPrice, tickSize, lotSize, minNotional, leverage,
                fundingIntervalHours, baseFundingRate, fundingVolatility, quantityMultiplier, volume24hUsd,
                openInterestUsd);
    }

    public SimMarketConfig withBaseFundingRate(BigDecimal rate) {
        return new SimMarketConfig(symbol, venueSymbol, initialPrice, tickSize, lotSize, minNotional, maxLeverage,
                fundingIntervalHours, rate, fundingVolatility, quantityMultiplier, volume24hUsd, openInterestUsd);
    }

    public SimMarketConfig withFundingVolatility(BigDecimal volatility) {
        return new SimMarketConfig(symbol, venueSymbol, initialPrice, tickSize, lotSize, minNotional, maxLeverage,
                fundingIntervalHours, baseFundingRate, volatility, quantityMultiplier, volume24hUsd, openInterestUsd);
    }

    public SimMarketConfig withQuantityMultiplier(String venueSymbolName, BigDecimal multiplier) {
        return new SimMarketConfig(symbol, venueSymbolName, initialPrice, tickSize, lotSize, minNotional, maxLeverage,
                fundingIntervalHours, baseFundingRate, fundingVolatility, multiplier, volume24hUsd, openInterestUsd);
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
    }
}
