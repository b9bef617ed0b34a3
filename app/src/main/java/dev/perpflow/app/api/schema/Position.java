package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** An open funding-arbitrage position; {@code legs} is keyed by venue. */
@Schema(description = "An open funding-arbitrage position; legs is keyed by venue.")
public record Position(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "run_id", required = true) String runId,
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "long_dex", required = true) String longDex,
        @JsonProperty(value = "short_dex", required = true) String shortDex,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "size_usd", required = true) BigDecimal sizeUsd,
        @JsonProperty(value = "entry_divergence", required = true) BigDecimal entryDivergence,
        @JsonProperty(value = "current_divergence", required = true) BigDecimal currentDivergence,
        @JsonProperty(value = "opened_at", required = true) Instant openedAt,
        @JsonProperty(value = "cumulative_funding_usd", required = true) BigDecimal cumulativeFundingUsd,
        @JsonProperty(value = "total_fees_usd", required = true) BigDecimal totalFeesUsd,
        @JsonProperty(value = "net_pnl_usd", required = true) BigDecimal netPnlUsd,
        @JsonProperty(value = "legs", required = true)
        @Schema(description = "The two legs, by venue") Map<String, PositionLeg> legs,
        @JsonProperty(value = "account_name", required = true)
        @Schema(description = "Trading account (owner/name, or default)") String accountName) {
}
