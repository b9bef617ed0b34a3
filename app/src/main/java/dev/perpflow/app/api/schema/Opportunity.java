package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A cross-venue funding arbitrage opportunity (the seed's {@code ArbitrageOpportunity} keys): long the lower rate,
 * short the higher.
 */
@Schema(description = "A cross-venue funding arbitrage opportunity (the seed's ArbitrageOpportunity keys): long the"
        + " lower rate, short the higher.")
public record Opportunity(
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "long_dex", required = true) String longDex,
        @JsonProperty(value = "short_dex", required = true) String shortDex,
        @JsonProperty(value = "long_rate", required = true) BigDecimal longRate,
        @JsonProperty(value = "short_rate", required = true) BigDecimal shortRate,
        @JsonProperty(value = "long_interval_hours", required = true) int longIntervalHours,
        @JsonProperty(value = "short_interval_hours", required = true) int shortIntervalHours,
        @JsonProperty(value = "divergence", required = true)
        @Schema(description = "Difference between the two legs' 8-hour rates (a fraction)") BigDecimal divergence,
        @JsonProperty(value = "estimated_fees", required = true)
        @Schema(description = "Round-trip fees of both legs (a fraction)") BigDecimal estimatedFees,
        @JsonProperty(value = "net_profit_percent", required = true) BigDecimal netProfitPercent,
        @JsonProperty(value = "annualized_apy", required = true)
        @Schema(description = "Net yield per year in percent: the net 8-hour rate × 1095 × 100")
        BigDecimal annualizedApy,
        @JsonProperty(value = "long_dex_volume_24h", required = true) BigDecimal longDexVolume24h,
        @JsonProperty(value = "short_dex_volume_24h", required = true) BigDecimal shortDexVolume24h,
        @JsonProperty(value = "min_volume_24h", required = true) BigDecimal minVolume24h,
        @JsonProperty(value = "long_dex_oi_usd", required = true) BigDecimal longDexOiUsd,
        @JsonProperty(value = "short_dex_oi_usd", required = true) BigDecimal shortDexOiUsd,
        @JsonProperty(value = "min_oi_usd", required = true) BigDecimal minOiUsd,
        @JsonProperty(value = "max_oi_usd", required = true) BigDecimal maxOiUsd,
        @JsonProperty(value = "oi_ratio", required = true) BigDecimal oiRatio,
        @JsonProperty(value = "oi_imbalance", required = true) String oiImbalance,
        @JsonProperty(value = "long_dex_spread_bps", required = true)
        @Schema(description = "Bid/ask spread of the long venue in basis points") Integer longDexSpreadBps,
        @JsonProperty(value = "short_dex_spread_bps", required = true)
        @Schema(description = "Bid/ask spread of the short venue in basis points") Integer shortDexSpreadBps,
        @JsonProperty(value = "avg_spread_bps", required = true)
        @Schema(description = "Average of the two legs' spreads in basis points") Integer avgSpreadBps,
        @JsonProperty(value = "discovered_at", required = true) Instant discoveredAt) {
}
