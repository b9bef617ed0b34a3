package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code GET /account}: {@code account_value} (collateral plus unrealized PnL) and {@code free_collateral}. */
public record ParadexAccountSummary(String account, @JsonProperty("account_value") BigDecimal accountValue,
        @JsonProperty("free_collateral") BigDecimal freeCollateral,
        @JsonProperty("total_collateral") BigDecimal totalCollateral,
        @JsonProperty("settlement_asset") String settlementAsset, String status,
        @JsonProperty("updated_at") Long updatedAt) {
}
