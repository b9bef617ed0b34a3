package dev.perpflow.component.lighter.dto;

import java.math.BigDecimal;

/**
 * One position ({@code AccountPosition}) of {@code GET /api/v1/account} and the {@code account_all_positions} stream.
 *
 * @param sign                 1 long, -1 short (0 or absent when flat)
 * @param position             size, base units, unsigned
 * @param totalFundingPaidOut  funding paid since the position opened, USDC (positive = paid)
 */
public record LighterPosition(Integer marketId, String symbol, Integer sign, BigDecimal position,
        BigDecimal avgEntryPrice, BigDecimal positionValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl,
        BigDecimal liquidationPrice, BigDecimal totalFundingPaidOut, BigDecimal allocatedMargin,
        BigDecimal initialMarginFraction, Integer marginMode) {
}
