package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code GET /bbo/{market}}. */
public record ParadexBbo(String market, BigDecimal bid, @JsonProperty("bid_size") BigDecimal bidSize,
        BigDecimal ask, @JsonProperty("ask_size") BigDecimal askSize,
        @JsonProperty("last_updated_at") Long lastUpdatedAt, @JsonProperty("seq_no") Long seqNo) {
}
