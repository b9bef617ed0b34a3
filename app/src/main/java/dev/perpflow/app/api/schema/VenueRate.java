package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** A symbol's latest rate on a venue: 8-hour normalized, annualized (a fraction), and the raw rate with its interval. */
public record VenueRate(
        @JsonProperty(value = "funding_rate", required = true) BigDecimal fundingRate,
        @JsonProperty(value = "annualized_rate", required = true) BigDecimal annualizedRate,
        @JsonProperty(value = "raw_rate", required = true) BigDecimal rawRate,
        @JsonProperty(value = "interval_hours", required = true) int intervalHours,
        @JsonProperty(value = "next_funding_time", required = true) Instant nextFundingTime,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp) {
}
