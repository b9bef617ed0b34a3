package dev.perpflow.component.backpack.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v1/depth}: levels as {@code [price, quantity]} pairs, both sides ascending by price.
 *
 * @param lastUpdateId sent as a decimal string
 * @param timestamp    epoch microseconds
 */
public record BackpackDepth(long lastUpdateId, Long timestamp, List<List<BigDecimal>> bids,
        List<List<BigDecimal>> asks) {

    public BackpackDepth {
        bids = bids == null ? List.of() : bids;
        asks = asks == null ? List.of() : asks;
    }
}
