package dev.perpflow.component.edgex.dto;

import java.math.BigDecimal;

/**
 * {@code GET /api/v2/public/quote/getTicker}: {@code fundingRate} of the current interval, {@code nextFundingTime}
 * (ms), {@code openInterest} in base units, {@code value} the 24 h traded value in the quote coin.
 */
public record EdgexTicker(String contractId, String contractName, BigDecimal lastPrice, BigDecimal indexPrice,
        BigDecimal oraclePrice, BigDecimal fundingRate, Long fundingTime, Long nextFundingTime,
        BigDecimal openInterest, BigDecimal size, BigDecimal value) {
}
