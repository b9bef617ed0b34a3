package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** {@code GET /orderbook/{market}}: {@code [price, size]} levels best first, the book's {@code seq_no}. */
public record ParadexOrderBook(String market, @JsonProperty("seq_no") Long seqNo,
        @JsonProperty("last_updated_at") Long lastUpdatedAt, List<List<BigDecimal>> bids,
        List<List<BigDecimal>> asks) {
}
