package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;

/**
 * A ticker ({@code ticker}, the {@code v1.ticker.s} feed). {@code fundingRate} is the rate of the current funding
 * interval ({@code funding_interval_hours} of the instrument) and {@code fundingRate8hCurr} its deprecated
 * predecessor, both in percentage points (0.01 = 0.01 %); {@code nextFundingTime} and {@code eventTime} in unix ns;
 * volumes in base ({@code _b}) and quote ({@code _q}) units; {@code openInterest} in base units.
 */
public record GrvtTicker(String eventTime, String instrument, BigDecimal markPrice, BigDecimal indexPrice,
        BigDecimal lastPrice, BigDecimal midPrice, BigDecimal bestBidPrice, BigDecimal bestBidSize,
        BigDecimal bestAskPrice, BigDecimal bestAskSize,
        @com.fasterxml.jackson.annotation.JsonProperty("funding_rate_8h_curr") BigDecimal fundingRate8hCurr,
        @com.fasterxml.jackson.annotation.JsonProperty("funding_rate_8h_avg") BigDecimal fundingRate8hAvg,
        BigDecimal interestRate, @com.fasterxml.jackson.annotation.JsonProperty("buy_volume_24h_b") BigDecimal buyVolume24hB,
        @com.fasterxml.jackson.annotation.JsonProperty("sell_volume_24h_b") BigDecimal sellVolume24hB,
        @com.fasterxml.jackson.annotation.JsonProperty("buy_volume_24h_q") BigDecimal buyVolume24hQ,
        @com.fasterxml.jackson.annotation.JsonProperty("sell_volume_24h_q") BigDecimal sellVolume24hQ,
        BigDecimal openInterest, BigDecimal fundingRate, String nextFundingTime) {
}
