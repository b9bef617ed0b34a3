package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code GET /stats/funding-rates/{symbol}}: {@code dex_name} is null over every venue. */
@Schema(description = "GET /stats/funding-rates/{symbol}: dex_name is null over every venue.")
public record FundingStats(
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "period_days", required = true)
        @Schema(description = "Days covered") int periodDays,
        @JsonProperty(value = "statistics", required = true) RateStatistics statistics,
        @JsonProperty(value = "sample_size", required = true) int sampleSize) {
}
