package dev.perpflow.funding;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A ranked cross-venue funding arbitrage: long on {@code longDex}, short on {@code shortDex}. Rates are 8-hour
 * normalized; {@code netProfitPercent} is the seed's name for the net rate per 8 h after round-trip maker fees
 * (a fraction, like the rates), {@code annualizedApy} is in percent.
 */
public record Opportunity(
        String symbol,
        String longDex,
        String shortDex,
        BigDecimal longRate,
        BigDecimal shortRate,
        int longIntervalHours,
        int shortIntervalHours,
        BigDecimal divergence,
        BigDecimal estimatedFees,
        BigDecimal netProfitPercent,
        BigDecimal annualizedApy,
        BigDecimal longDexVolume24h,
        BigDecimal shortDexVolume24h,
        BigDecimal minVolume24h,
        BigDecimal longDexOiUsd,
        BigDecimal shortDexOiUsd,
        BigDecimal minOiUsd,
        BigDecimal maxOiUsd,
        BigDecimal oiRatio,
        String oiImbalance,
        Integer longDexSpreadBps,
        Integer shortDexSpreadBps,
        Integer avgSpreadBps,
        Instant discoveredAt) {
}
