package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A fill ({@code GET /fills}, the {@code fills} channel): {@code liquidity} {@code MAKER}/{@code TAKER}, {@code fee} in
 * {@code fee_currency}, {@code realized_funding} the funding settled into the position by this fill, time in ms.
 */
public record ParadexFill(String id, @JsonProperty("order_id") String orderId,
        @JsonProperty("client_id") String clientId, String market, String side, BigDecimal price, BigDecimal size,
        BigDecimal fee, @JsonProperty("fee_currency") String feeCurrency, String liquidity,
        @JsonProperty("fill_type") String fillType, @JsonProperty("realized_funding") BigDecimal realizedFunding,
        @JsonProperty("realized_pnl") BigDecimal realizedPnl, @JsonProperty("created_at") Long createdAt) {
}
