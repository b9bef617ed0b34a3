package dev.perpflow.component.aster.dto;

import java.math.BigDecimal;

/**
 * An order as {@code /fapi/v1/order}, {@code openOrders} and {@code allOrders} answer it.
 *
 * @param type        LIMIT or MARKET
 * @param timeInForce GTC, IOC, FOK or GTX (post-only)
 * @param status      NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED or REJECTED
 * @param avgPrice    "0" (or absent) before the first fill
 * @param time        creation, epoch ms (absent on a cancel's answer)
 * @param updateTime  last change, epoch ms
 */
public record AsterOrder(String orderId, String symbol, String clientOrderId, String side, String type,
        String timeInForce, BigDecimal origQty, BigDecimal executedQty, BigDecimal price, BigDecimal avgPrice,
        String status, Boolean reduceOnly, Long time, Long updateTime) {
}
