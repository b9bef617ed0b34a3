package dev.perpflow.exchange.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one funding poll of one venue produced: the body of a {@code <venue>:funding} exchange.
 *
 * @param latency how long the venue took to answer
 */
public record FundingSnapshot(
        String venue, List<FundingRate> rates, List<MarketStats> stats, Instant observedAt, Duration latency) {

    public FundingSnapshot {
        Objects.requireNonNull(venue, "venue");
        rates = List.copyOf(rates);
        stats = List.copyOf(stats);
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(latency, "latency");
    }
}
