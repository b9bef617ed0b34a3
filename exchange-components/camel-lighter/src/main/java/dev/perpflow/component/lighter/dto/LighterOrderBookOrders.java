package dev.perpflow.component.lighter.dto;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/v1/orderBookOrders?market_id&limit}: resting orders of one market, best first on each side. */
public record LighterOrderBookOrders(Integer code, String message, Long totalAsks, List<BookOrder> asks,
        Long totalBids, List<BookOrder> bids) {

    /** One resting order ({@code SimpleOrder}): sizes in base units, price in USDC. */
    public record BookOrder(String orderIndex, String orderId, Long ownerAccountIndex, BigDecimal initialBaseAmount,
            BigDecimal remainingBaseAmount, BigDecimal price, Long orderExpiry) {
    }
}
