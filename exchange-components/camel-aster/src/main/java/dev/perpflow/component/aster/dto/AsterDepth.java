package dev.perpflow.component.aster.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /fapi/v1/depth}: levels as {@code [price, quantity]} pairs, best first.
 *
 * @param eventTime epoch ms ({@code E}), when sent
 */
public record AsterDepth(long lastUpdateId, @JsonProperty("E") Long eventTime, List<List<BigDecimal>> bids,
        List<List<BigDecimal>> asks) {

    public AsterDepth {
        bids = bids == null ? List.of() : bids;
        asks = asks == null ? List.of() : asks;
    }
}
