package dev.perpflow.component.aster.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A {@code <symbol>@depth@100ms} stream event: the levels that changed between update ids {@code U} and {@code u};
 * {@code pu} is the {@code u} of the previous event.
 *
 * @param eventType "depthUpdate"
 * @param eventTime epoch ms ({@code E})
 */
public record AsterDepthUpdate(@JsonProperty("e") String eventType, @JsonProperty("E") Long eventTime,
        @JsonProperty("s") String symbol, @JsonProperty("U") long firstUpdateId, @JsonProperty("u") long lastUpdateId,
        @JsonProperty("pu") long previousUpdateId, @JsonProperty("b") List<List<BigDecimal>> bids,
        @JsonProperty("a") List<List<BigDecimal>> asks) {

    public AsterDepthUpdate {
        bids = bids == null ? List.of() : bids;
        asks = asks == null ? List.of() : asks;
    }
}
