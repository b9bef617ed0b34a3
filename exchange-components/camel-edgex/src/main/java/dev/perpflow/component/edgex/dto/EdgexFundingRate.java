package dev.perpflow.component.edgex.dto;

import java.math.BigDecimal;

/** A {@code getFundingRatePage} / {@code getLatestFundingRate} row (times in ms). */
public record EdgexFundingRate(String contractId, Long fundingTime, Long fundingTimestamp, BigDecimal fundingRate,
        BigDecimal forecastFundingRate, BigDecimal oraclePrice, BigDecimal indexPrice, Boolean isSettlement) {
}
