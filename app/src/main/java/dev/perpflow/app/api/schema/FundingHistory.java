package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /history/funding-rates/{dex}/{symbol}}. */
@Schema(description = "GET /history/funding-rates/{dex}/{symbol}.")
public record FundingHistory(
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "period_days", required = true)
        @Schema(description = "Days covered") int periodDays,
        @JsonProperty(value = "data_points", required = true) List<RatePoint> dataPoints,
        @JsonProperty(value = "count", required = true) int count,
        @JsonProperty(value = "stats", required = true) RateStatistics stats) {
}
