package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /funding-rates/compare}: two venues' rates, the divergence, which to long (the lower rate) and the 8-hour net after round-trip maker fees. */
public record FundingRateComparison(
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "dex1", required = true) ComparedRate dex1,
        @JsonProperty(value = "dex2", required = true) ComparedRate dex2,
        @JsonProperty(value = "divergence", required = true) BigDecimal divergence,
        @JsonProperty(value = "divergence_bps", required = true) BigDecimal divergenceBps,
        @JsonProperty(value = "long_recommendation", required = true) String longRecommendation,
        @JsonProperty(value = "short_recommendation", required = true) String shortRecommendation,
        @JsonProperty(value = "estimated_net_profit_8h", required = true) BigDecimal estimatedNetProfit8h,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp) {
}
