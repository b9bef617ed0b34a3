package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** One stored rate, 8-hour normalized. */
public record RatePoint(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty(value = "funding_rate", required = true) BigDecimal fundingRate,
        @JsonProperty(value = "annualized_rate", required = true) BigDecimal annualizedRate) {
}
