package dev.perpflow.exchange.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Collateral held on a venue.
 *
 * @param total     equity in {@code asset}, including unrealized PnL where the venue reports it so
 * @param available what can back new orders
 */
public record Balance(String venue, String asset, BigDecimal total, BigDecimal available, Instant timestamp) {

    public Balance {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
