package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A symbol's latest rate on a venue: 8-hour normalized, annualized (a fraction), and the raw rate with its interval.
 */
@Schema(description = "A symbol's latest rate on a venue: 8-hour normalized, annualized (a fraction), and the raw "
        + "rate with its interval.")
public record VenueRate(
        @JsonProperty(value = "funding_rate", required = true)
        @Schema(description = "Funding rate per 8 hours as a fraction (0.0001 = 0.01 %): the venue's rate × 8 / "
                + "interval_hours") BigDecimal fundingRate,
        @JsonProperty(value = "annualized_rate", required = true)
        @Schema(description = "funding_rate × 1095, a fraction per year (not a percent)") BigDecimal annualizedRate,
        @JsonProperty(value = "raw_rate", required = true)
        @Schema(description = "The venue's own rate, per its funding interval") BigDecimal rawRate,
        @JsonProperty(value = "interval_hours", required = true)
        @Schema(description = "The venue's funding interval in hours") int intervalHours,
        @JsonProperty(value = "next_funding_time", required = true)
        @Schema(description = "Next funding settlement (ISO-8601 UTC)") Instant nextFundingTime,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When the venue's rate was last updated (ISO-8601 UTC)") Instant timestamp) {
}
