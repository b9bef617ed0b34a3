package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** One stored rate, 8-hour normalized. */
@Schema(description = "One stored rate, 8-hour normalized.")
public record RatePoint(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty(value = "funding_rate", required = true)
        @Schema(description = "Funding rate per 8 hours as a fraction (0.0001 = 0.01 %): the venue's rate × 8 / "
                + "interval_hours") BigDecimal fundingRate,
        @JsonProperty(value = "annualized_rate", required = true)
        @Schema(description = "funding_rate × 1095, a fraction per year (not a percent)") BigDecimal annualizedRate) {
}
