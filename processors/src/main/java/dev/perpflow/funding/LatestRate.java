package dev.perpflow.funding;

import dev.perpflow.exchange.model.FundingRate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest funding rate of one market on one venue with its liquidity, as the finder consumes it.
 *
 * @param rate            raw rate for one interval of {@code intervalHours}
 * @param volume24hUsd    nullable when the venue gave none
 * @param openInterestUsd nullable
 * @param spreadBps       nullable
 */
public record LatestRate(String venue, String symbol, BigDecimal rate, int intervalHours, BigDecimal volume24hUsd,
        BigDecimal openInterestUsd, Integer spreadBps, Instant updatedAt) {

    public LatestRate {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(rate, "rate");
        if (intervalHours < 1) {
            throw new IllegalArgumentException("intervalHours must be >= 1");
        }
    }

    public BigDecimal ratePer8h() {
        return FundingRate.normalizeTo8h(rate, intervalHours);
    }
}
