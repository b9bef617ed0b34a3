package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;

/**
 * An instrument ({@code instruments}, {@code instrument}): {@code instrumentHash} is the asset id orders sign,
 * {@code baseDecimals} the base asset's smallest unit (sizes are signed × 10^baseDecimals), {@code tickSize} and
 * {@code minSize} the price and size steps, {@code fundingIntervalHours} how often funding settles (1, 4 or 8),
 * {@code createTime} in unix ns.
 */
public record GrvtInstrument(String instrument, String instrumentHash, String base, String quote, String kind,
        Integer baseDecimals, Integer quoteDecimals, BigDecimal tickSize, BigDecimal minSize, String createTime,
        BigDecimal maxPositionSize, Integer fundingIntervalHours, BigDecimal adjustedFundingRateCap,
        BigDecimal adjustedFundingRateFloor, BigDecimal minNotional) {
}
