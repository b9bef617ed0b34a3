package dev.perpflow.component.aster.dto;

import java.math.BigDecimal;

/**
 * One {@code GET /fapi/v1/premiumIndex} row: mark and index price and the funding rate of the current interval.
 *
 * @param nextFundingTime epoch ms; 0 when the venue has none
 * @param time            epoch ms of the values
 */
public record AsterPremiumIndex(String symbol, BigDecimal markPrice, BigDecimal indexPrice,
        BigDecimal lastFundingRate, Long nextFundingTime, Long time) {
}
