package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** One side of a comparison: the venue's 8-hour rate. */
public record ComparedRate(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "funding_rate", required = true) BigDecimal fundingRate,
        @JsonProperty(value = "next_funding_time", required = true) Instant nextFundingTime,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp) {
}
