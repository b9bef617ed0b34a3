package dev.perpflow.component.edgex.dto;

import java.math.BigDecimal;

/**
 * An order: {@code status} {@code PENDING}/{@code OPEN}/{@code FILLED}/{@code CANCELING}/{@code CANCELED}/
 * {@code UNTRIGGERED}, {@code cumFillSize}/{@code cumFillValue} what filled, {@code cancelReason} when it ended
 * unfilled, times in ms.
 */
public record EdgexOrder(String id, String accountId, String contractId, String side, String type,
        String timeInForce, BigDecimal price, BigDecimal size, String clientOrderId, Boolean reduceOnly,
        String status, BigDecimal cumFillSize, BigDecimal cumFillValue, String cancelReason, Long createdTime,
        Long updatedTime) {
}
