package dev.perpflow.component.backpack.dto;

import java.math.BigDecimal;

/**
 * One {@code GET /api/v1/markets} entry.
 *
 * @param marketType      SPOT or PERP
 * @param orderBookState  Open, LimitOnly, PostOnly, Closed, ...
 * @param fundingInterval milliseconds between funding settlements (perpetuals)
 */
public record BackpackMarket(String symbol, String marketType, String orderBookState, Boolean visible,
        BigDecimal fundingInterval, Filters filters) {

    public record Filters(Price price, Quantity quantity, Leverage leverage) {
    }

    public record Price(BigDecimal tickSize) {
    }

    public record Quantity(BigDecimal stepSize) {
    }

    public record Leverage(BigDecimal maxLeverage) {
    }
}
