package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * One leg of a two-leg position; the venue's mark, PnL, funding, liquidation price and leverage once a snapshot was
 * taken.
 */
@Schema(description = "One leg of a two-leg position; the venue's mark, PnL, funding, liquidation price and "
        + "leverage once a snapshot was taken.")
public record PositionLeg(
        @JsonProperty(value = "side", required = true) String side,
        @JsonProperty(value = "quantity", required = true) BigDecimal quantity,
        @JsonProperty(value = "entry_price", required = true) BigDecimal entryPrice,
        @JsonProperty(value = "fees_paid", required = true) BigDecimal feesPaid,
        @JsonProperty("mark_price") BigDecimal markPrice,
        @JsonProperty("unrealized_pnl") BigDecimal unrealizedPnl,
        @JsonProperty("funding_accrued") BigDecimal fundingAccrued,
        @JsonProperty("liquidation_price") BigDecimal liquidationPrice,
        @JsonProperty("leverage") BigDecimal leverage) {
}
