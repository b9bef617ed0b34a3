package dev.perpflow.component.backpack.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An {@code account.positionUpdate} event: net quantity, entry (break-even) price, mark, liquidation price (0 when
 * none) and unrealized PnL.
 *
 * @param engineTime epoch microseconds ({@code T})
 */
public record BackpackPositionUpdate(@JsonProperty("s") String symbol, @JsonProperty("q") BigDecimal netQuantity,
        @JsonProperty("B") BigDecimal entryPrice, @JsonProperty("M") BigDecimal markPrice,
        @JsonProperty("l") BigDecimal liquidationPrice, @JsonProperty("P") BigDecimal pnlUnrealized,
        @JsonProperty("T") Long engineTime) {
}
