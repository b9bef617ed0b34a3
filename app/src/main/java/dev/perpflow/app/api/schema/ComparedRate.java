package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** One side of a comparison: the venue's 8-hour rate. */
@Schema(description = "One side of a comparison: the venue's 8-hour rate.")
public record ComparedRate(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "funding_rate", required = true)
        @Schema(description = "Funding rate per 8 hours as a fraction (0.0001 = 0.01 %): the venue's rate × 8 / "
                + "interval_hours") BigDecimal fundingRate,
        @JsonProperty(value = "next_funding_time", required = true)
        @Schema(description = "Next funding settlement (ISO-8601 UTC)") Instant nextFundingTime,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When the venue's rate was last updated (ISO-8601 UTC)") Instant timestamp) {
}
