package dev.perpflow.component.edgex.dto;

import java.math.BigDecimal;

/**
 * A fill ({@code getHistoryOrderFillTransactionPage}, stream {@code orderFillTransaction}): {@code direction}
 * {@code MAKER}/{@code TAKER}, {@code fillFee} in the quote coin, time in ms.
 */
public record EdgexFill(String id, String orderId, String clientOrderId, String accountId, String contractId,
        String orderSide, BigDecimal fillPrice, BigDecimal fillSize, BigDecimal fillValue, BigDecimal fillFee,
        String direction, Long createdTime) {
}
