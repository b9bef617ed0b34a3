package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /funding-rates/compare}: two venues' rates, the divergence, which to long (the lower rate) and the 8-hour
 * net after round-trip maker fees.
 */
@Schema(description = "GET /funding-rates/compare: two venues' rates, the divergence, which to long (the lower "
        + "rate) and the 8-hour net after round-trip maker fees.")
public record FundingRateComparison(
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "dex1", required = true) ComparedRate dex1,
        @JsonProperty(value = "dex2", required = true) ComparedRate dex2,
        @JsonProperty(value = "divergence", required = true)
        @Schema(description = "Difference between the two legs' 8-hour rates (a fraction)") BigDecimal divergence,
        @JsonProperty(value = "divergence_bps", required = true)
        @Schema(description = "divergence in basis points") BigDecimal divergenceBps,
        @JsonProperty(value = "long_recommendation", required = true)
        @Schema(description = "The venue to go long on (the lower rate)") String longRecommendation,
        @JsonProperty(value = "short_recommendation", required = true)
        @Schema(description = "The venue to go short on (the higher rate)") String shortRecommendation,
        @JsonProperty(value = "estimated_net_profit_8h", required = true)
        @Schema(description = "divergence less round-trip maker fees, per 8 hours (a fraction)")
        BigDecimal estimatedNetProfit8h,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When this was read (ISO-8601 UTC)") Instant timestamp) {
}
