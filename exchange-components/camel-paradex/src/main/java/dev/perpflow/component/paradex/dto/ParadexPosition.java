package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A {@code GET /positions} row (and the {@code positions} channel): {@code side} {@code LONG}/{@code SHORT},
 * {@code size} in base units, {@code status} {@code OPEN}/{@code CLOSED}; funding as {@code unrealized_funding_pnl}
 * (accrued, not yet settled) and {@code realized_positional_funding_pnl} (settled into this position).
 */
public record ParadexPosition(String id, String market, String side, BigDecimal size, String status,
        @JsonProperty("average_entry_price") BigDecimal averageEntryPrice,
        @JsonProperty("liquidation_price") BigDecimal liquidationPrice,
        @JsonProperty("unrealized_pnl") BigDecimal unrealizedPnl,
        @JsonProperty("unrealized_funding_pnl") BigDecimal unrealizedFundingPnl,
        @JsonProperty("realized_positional_funding_pnl") BigDecimal realizedPositionalFundingPnl,
        BigDecimal leverage, BigDecimal cost,
        @JsonProperty("last_updated_at") Long lastUpdatedAt) {
}
