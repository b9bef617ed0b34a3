package dev.perpflow.component.hyperliquid.dto;

import java.math.BigDecimal;

/**
 * An order as {@code frontendOpenOrders}, {@code orderStatus} and the {@code orderUpdates} stream send it: {@code side}
 * "B" (bid, buy) or "A" (ask, sell), {@code sz} the size still open, {@code origSz} the size placed, {@code cloid}
 * the client order id (16 bytes hex) or null, {@code timestamp} in epoch ms.
 */
public record HyperliquidOrder(String coin, String side, BigDecimal limitPx, BigDecimal sz, Long oid, Long timestamp,
        BigDecimal origSz, String cloid, Boolean reduceOnly, String orderType, String tif, Boolean isTrigger) {
}
