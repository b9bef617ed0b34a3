package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Liquidity figures for one market, always in USD (venues reporting base units are converted at mark).
 *
 * @param volume24hUsd    traded value over the last 24 hours, or {@code null} when unknown
 * @param openInterestUsd open interest value, or {@code null} when unknown
 */
public record MarketStats(
        String venue, String symbol, BigDecimal volume24hUsd, BigDecimal openInterestUsd, Instant observedAt) {

    public MarketStats {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
