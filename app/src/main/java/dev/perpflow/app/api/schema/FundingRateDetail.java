package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /funding-rates/{dex}/{symbol}}: the latest rate with market data. */
@Schema(description = "GET /funding-rates/{dex}/{symbol}: the latest rate with market data.")
public record FundingRateDetail(
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "funding_rate", required = true)
        @Schema(description = "Funding rate per 8 hours as a fraction (0.0001 = 0.01 %): the venue's rate × 8 / "
                + "interval_hours") BigDecimal fundingRate,
        @JsonProperty(value = "annualized_rate", required = true)
        @Schema(description = "funding_rate × 1095, a fraction per year (not a percent)") BigDecimal annualizedRate,
        @JsonProperty(value = "raw_rate", required = true)
        @Schema(description = "The venue's own rate, per its funding interval") BigDecimal rawRate,
        @JsonProperty(value = "interval_hours", required = true)
        @Schema(description = "The venue's funding interval in hours") int intervalHours,
        @JsonProperty(value = "predicted_rate", required = true)
        @Schema(description = "The venue's predicted next rate, where it publishes one") BigDecimal predictedRate,
        @JsonProperty(value = "mark_price", required = true) BigDecimal markPrice,
        @JsonProperty(value = "index_price", required = true) BigDecimal indexPrice,
        @JsonProperty(value = "next_funding_time", required = true)
        @Schema(description = "Next funding settlement (ISO-8601 UTC)") Instant nextFundingTime,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When the venue's rate was last updated (ISO-8601 UTC)") Instant timestamp,
        @JsonProperty(value = "volume_24h", required = true)
        @Schema(description = "24-hour volume in USD") BigDecimal volume24h,
        @JsonProperty(value = "open_interest_usd", required = true)
        @Schema(description = "Open interest in USD") BigDecimal openInterestUsd) {
}
