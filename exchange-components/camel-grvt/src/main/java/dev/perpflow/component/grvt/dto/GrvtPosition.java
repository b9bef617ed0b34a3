package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;

/**
 * A position ({@code positions}, the {@code v1.position} feed): {@code size} negative when short;
 * {@code cumulativeRealizedFundingPayment} positive when paid; {@code eventTime} in ns.
 */
public record GrvtPosition(String eventTime, String subAccountId, String instrument, BigDecimal size,
        BigDecimal notional, BigDecimal entryPrice, BigDecimal markPrice, BigDecimal unrealizedPnl,
        BigDecimal realizedPnl, BigDecimal estLiquidationPrice, BigDecimal leverage,
        BigDecimal cumulativeRealizedFundingPayment, String marginType) {
}
