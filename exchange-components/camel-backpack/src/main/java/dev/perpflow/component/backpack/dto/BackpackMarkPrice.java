package dev.perpflow.component.backpack.dto;

import java.math.BigDecimal;

/**
 * One {@code GET /api/v1/markPrices} row: the funding rate of the current interval.
 *
 * @param nextFundingTimestamp epoch ms; 0 when none
 */
public record BackpackMarkPrice(String symbol, BigDecimal markPrice, BigDecimal indexPrice, BigDecimal fundingRate,
        Long nextFundingTimestamp) {
}
