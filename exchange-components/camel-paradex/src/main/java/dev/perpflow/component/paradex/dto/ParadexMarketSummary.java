package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A {@code GET /markets/summary?market=ALL} row: {@code funding_rate} is the current rate over the market's
 * {@code funding_period_hours} (accrued continuously), {@code future_funding_rate} the predicted one,
 * {@code volume_24h} in USD, {@code open_interest} in base units; {@code created_at} in milliseconds.
 */
public record ParadexMarketSummary(String symbol, @JsonProperty("mark_price") BigDecimal markPrice,
        @JsonProperty("underlying_price") BigDecimal underlyingPrice,
        @JsonProperty("last_traded_price") BigDecimal lastTradedPrice,
        BigDecimal bid, BigDecimal ask,
        @JsonProperty("funding_rate") BigDecimal fundingRate,
        @JsonProperty("future_funding_rate") BigDecimal futureFundingRate,
        @JsonProperty("volume_24h") BigDecimal volume24h,
        @JsonProperty("open_interest") BigDecimal openInterest,
        @JsonProperty("created_at") Long createdAt) {
}
