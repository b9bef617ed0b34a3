package dev.perpflow.component.lighter.dto;

import java.math.BigDecimal;

/**
 * One order ({@code Order}) of {@code accountActiveOrders}, {@code accountInactiveOrders}, {@code accountOrders} and the
 * {@code account_all_orders} stream.
 *
 * @param orderIndex       the venue's order index
 * @param clientOrderIndex the client order index the order was created with (0 when none)
 * @param status           {@code open}, {@code filled}, {@code canceled} and {@code canceled-<reason>},
 *                         {@code in-progress}, {@code pending}
 * @param timeInForce      {@code good-till-time}, {@code immediate-or-cancel}, {@code post-only}
 * @param timestamp        when the order was created, epoch seconds
 * @param updatedAt        last change, epoch milliseconds when present
 */
public record LighterOrder(Long orderIndex, Long clientOrderIndex, String orderId, String clientOrderId,
        Integer marketIndex, Long ownerAccountIndex, BigDecimal initialBaseAmount, BigDecimal price, Long nonce,
        BigDecimal remainingBaseAmount, Boolean isAsk, BigDecimal filledBaseAmount, BigDecimal filledQuoteAmount,
        String type, String timeInForce, Boolean reduceOnly, BigDecimal triggerPrice, Long orderExpiry,
        String status, Long timestamp, Long updatedAt) {
}
