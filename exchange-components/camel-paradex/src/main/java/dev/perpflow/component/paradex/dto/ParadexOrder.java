package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order as Paradex reports it ({@code POST /orders}, {@code GET /orders}, {@code GET /orders/by_client_id/...}, the
 * {@code orders} channel): {@code status} {@code NEW}/{@code UNTRIGGERED}/{@code OPEN}/{@code CLOSED} with a
 * {@code cancel_reason} when it ended unfilled; {@code remaining_size} what is left; times in ms.
 */
public record ParadexOrder(String id, String account, @JsonProperty("client_id") String clientId, String market,
        String side, String type, BigDecimal size, @JsonProperty("remaining_size") BigDecimal remainingSize,
        BigDecimal price, @JsonProperty("avg_fill_price") BigDecimal avgFillPrice, String status,
        String instruction, List<String> flags, @JsonProperty("cancel_reason") String cancelReason,
        @JsonProperty("created_at") Long createdAt, @JsonProperty("last_updated_at") Long lastUpdatedAt,
        @JsonProperty("seq_no") Long seqNo) {
}
