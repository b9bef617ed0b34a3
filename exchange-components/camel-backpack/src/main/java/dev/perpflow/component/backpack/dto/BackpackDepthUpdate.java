package dev.perpflow.component.backpack.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A {@code depth.<symbol>} event: the levels that changed between update ids {@code U} and {@code u}.
 *
 * @param engineTime epoch microseconds ({@code T})
 */
public record BackpackDepthUpdate(@JsonProperty("e") String eventType, @JsonProperty("s") String symbol,
        @JsonProperty("U") long firstUpdateId, @JsonProperty("u") long lastUpdateId,
        @JsonProperty("b") List<List<BigDecimal>> bids, @JsonProperty("a") List<List<BigDecimal>> asks,
        @JsonProperty("T") Long engineTime) {

    public BackpackDepthUpdate {
        bids = bids == null ? List.of() : bids;
        asks = asks == null ? List.of() : asks;
    }
}
