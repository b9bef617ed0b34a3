package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;

/**
 * A fill ({@code fill_history}, the {@code v1.fill} feed): {@code isBuyer}, {@code isTaker}, {@code fee} in
 * {@code feeCurrency} (negative: rebate), {@code tradeId} unique, {@code clientOrderId} the order's (uint64 text),
 * {@code eventTime} in ns.
 */
public record GrvtFill(String eventTime, String subAccountId, String instrument, Boolean isBuyer, Boolean isTaker,
        BigDecimal size, BigDecimal price, BigDecimal markPrice, BigDecimal fee, BigDecimal feeRate, String tradeId,
        String orderId, String clientOrderId, String feeCurrency) {
}
