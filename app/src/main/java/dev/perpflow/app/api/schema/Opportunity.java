package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** A cross-venue funding arbitrage opportunity (the seed's {@code ArbitrageOpportunity} keys): long the lower rate, short the higher. */
public record Opportunity(
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "long_dex", required = true) String longDex,
        @JsonProperty(value = "short_dex", required = true) String shortDex,
        @JsonProperty(value = "long_rate", required = true) BigDecimal longRate,
        @JsonProperty(value = "short_rate", required = true) BigDecimal shortRate,
        @JsonProperty(value = "long_interval_hours", required = true) int longIntervalHours,
        @JsonProperty(value = "short_interval_hours", required = true) int shortIntervalHours,
        @JsonProperty(value = "divergence", required = true) BigDecimal divergence,
        @JsonProperty(value = "estimated_fees", required = true) BigDecimal estimatedFees,
        @JsonProperty(value = "net_profit_percent", required = true) BigDecimal netProfitPercent,
        @JsonProperty(value = "annualized_apy", required = true) BigDecimal annualizedApy,
        @JsonProperty(value = "long_dex_volume_24h", required = true) BigDecimal longDexVolume24h,
        @JsonProperty(value = "short_dex_volume_24h", required = true) BigDecimal shortDexVolume24h,
        @JsonProperty(value = "min_volume_24h", required = true) BigDecimal minVolume24h,
        @JsonProperty(value = "long_dex_oi_usd", required = true) BigDecimal longDexOiUsd,
        @JsonProperty(value = "short_dex_oi_usd", required = true) BigDecimal shortDexOiUsd,
        @JsonProperty(value = "min_oi_usd", required = true) BigDecimal minOiUsd,
        @JsonProperty(value = "max_oi_usd", required = true) BigDecimal maxOiUsd,
        @JsonProperty(value = "oi_ratio", required = true) BigDecimal oiRatio,
        @JsonProperty(value = "oi_imbalance", required = true) String oiImbalance,
        @JsonProperty(value = "long_dex_spread_bps", required = true) Integer longDexSpreadBps,
        @JsonProperty(value = "short_dex_spread_bps", required = true) Integer shortDexSpreadBps,
        @JsonProperty(value = "avg_spread_bps", required = true) Integer avgSpreadBps,
        @JsonProperty(value = "discovered_at", required = true) Instant discoveredAt) {
}
