package dev.perpflow.component.lighter.dto;

import java.math.BigDecimal;

/**
 * The {@code market_stats} of a {@code market_stats/{market}} (or {@code /all}) stream message.
 *
 * @param currentFundingRate the estimate of the next hourly payment, percent of notional
 * @param fundingRate        the last settled hourly rate, percent
 * @param fundingTimestamp   when the last one settled, epoch milliseconds
 */
public record LighterMarketStats(Integer marketId, BigDecimal indexPrice, BigDecimal markPrice,
        BigDecimal openInterest, BigDecimal lastTradePrice, BigDecimal currentFundingRate, BigDecimal fundingRate,
        Long fundingTimestamp, BigDecimal dailyBaseTokenVolume, BigDecimal dailyQuoteTokenVolume) {
}
