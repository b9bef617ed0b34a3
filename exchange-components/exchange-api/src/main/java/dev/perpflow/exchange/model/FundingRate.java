package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;

/**
 * A funding-rate observation, stored as the venue reports it: the raw rate per funding interval plus the
 * interval length. Comparisons across venues use {@link #ratePer8h()}.
 *
 * @param rate          raw rate for one interval, as a fraction (0.0001 = 0.01 %); positive means longs pay
 * @param intervalHours funding interval of this market in hours
 * @param predictedRate the venue's predicted next rate, or {@code null} when it gives none
 * @param markPrice     mark price, or {@code null}
 * @param indexPrice    index price, or {@code null}
 * @param nextFundingTime next settlement time, or {@code null}
 * @param observedAt    when the venue reported (or we received) the value, UTC
 */
public record FundingRate(
        String venue,
        String symbol,
        BigDecimal rate,
        int intervalHours,
        BigDecimal predictedRate,
        BigDecimal markPrice,
        BigDecimal indexPrice,
        Instant nextFundingTime,
        Instant observedAt) {

    /** Canonical interval every API shows rates in. */
    public static final int CANONICAL_INTERVAL_HOURS = 8;

    public FundingRate {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(observedAt, "observedAt");
        if (intervalHours < 1) {
            throw new IllegalArgumentException("intervalHours must be >= 1, was " + intervalHours);
        }
    }

    /** The rate normalized to an 8-hour interval: {@code rate × 8 / intervalHours}. */
    public BigDecimal ratePer8h() {
        return normalizeTo8h(rate, intervalHours);
    }

    public static BigDecimal normalizeTo8h(BigDecimal rawRate, int intervalHours) {
        if (intervalHours == CANONICAL_INTERVAL_HOURS) {
            return rawRate;
        }
        return rawRate.multiply(BigDecimal.valueOf(CANONICAL_INTERVAL_HOURS))
                .divide(BigDecimal.valueOf(intervalHours), MathContext.DECIMAL64);
    }
}
