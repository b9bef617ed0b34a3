package dev.perpflow.component.lighter.dto;

import java.math.BigDecimal;

/**
 * One perpetual market of {@code GET /api/v1/orderBookDetails} ({@code PerpsOrderBookDetail}).
 *
 * @param status                   {@code active} or {@code inactive}
 * @param takerFee                 percent (0.02 = 0.02 %)
 * @param minBaseAmount            smallest order size, base units
 * @param minQuoteAmount           smallest order value, USDC
 * @param sizeDecimals             decimals of the integer base amount in signed orders
 * @param priceDecimals            decimals of the integer price in signed orders
 * @param minInitialMarginFraction ten-thousandths (200 = 2 %, i.e. 50x)
 * @param dailyQuoteTokenVolume    24 h volume, USDC
 * @param openInterest             open interest, base units
 */
public record LighterMarket(String symbol, Integer marketId, String marketType, String status, BigDecimal takerFee,
        BigDecimal makerFee, BigDecimal minBaseAmount, BigDecimal minQuoteAmount, Integer sizeDecimals,
        Integer priceDecimals, Integer supportedSizeDecimals, Integer supportedPriceDecimals,
        Integer minInitialMarginFraction, Integer defaultInitialMarginFraction, BigDecimal lastTradePrice,
        BigDecimal dailyBaseTokenVolume, BigDecimal dailyQuoteTokenVolume, BigDecimal openInterest,
        BigDecimal markPrice, BigDecimal indexPrice, BigDecimal fundingClampSmall, BigDecimal fundingClampBig) {
}
