package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /funding-rates/{dex}/{symbol}}: the latest rate with market data. */
public record FundingRateDetail(
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "funding_rate", required = true) BigDecimal fundingRate,
        @JsonProperty(value = "annualized_rate", required = true) BigDecimal annualizedRate,
        @JsonProperty(value = "raw_rate", required = true) BigDecimal rawRate,
        @JsonProperty(value = "interval_hours", required = true) int intervalHours,
        @JsonProperty(value = "predicted_rate", required = true) BigDecimal predictedRate,
        @JsonProperty(value = "mark_price", required = true) BigDecimal markPrice,
        @JsonProperty(value = "index_price", required = true) BigDecimal indexPrice,
        @JsonProperty(value = "next_funding_time", required = true) Instant nextFundingTime,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty(value = "volume_24h", required = true) BigDecimal volume24h,
        @JsonProperty(value = "open_interest_usd", required = true) BigDecimal openInterestUsd) {
}
