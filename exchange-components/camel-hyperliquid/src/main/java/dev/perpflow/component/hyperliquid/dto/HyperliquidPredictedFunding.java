package dev.perpflow.component.hyperliquid.dto;

import java.math.BigDecimal;

/**
 * One venue's predicted funding of one coin in {@code predictedFundings} (sent as {@code [coin, [[venue, {…}], …]]};
 * Hyperliquid's own venue is {@code HlPerp}); {@code nextFundingTime} in epoch ms.
 */
public record HyperliquidPredictedFunding(String coin, String venue, BigDecimal fundingRate, Long nextFundingTime,
        Integer fundingIntervalHours) {
}
