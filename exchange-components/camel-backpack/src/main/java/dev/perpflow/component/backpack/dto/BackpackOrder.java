package dev.perpflow.component.backpack.dto;

import java.math.BigDecimal;

/**
 * An order as {@code /api/v1/order}, {@code /api/v1/orders} and the order history answer it.
 *
 * @param clientId   Backpack's u32 client id, when the order has one
 * @param side       Bid or Ask
 * @param orderType  Limit or Market
 * @param status     New, PartiallyFilled, Filled, Cancelled, Expired, TriggerPending, ...
 * @param createdAt  epoch ms
 */
public record BackpackOrder(String id, String clientId, String symbol, String side, String orderType,
        String timeInForce, Boolean postOnly, BigDecimal quantity, BigDecimal executedQuantity,
        BigDecimal executedQuoteQuantity, BigDecimal price, String status, Boolean reduceOnly, Long createdAt) {
}
