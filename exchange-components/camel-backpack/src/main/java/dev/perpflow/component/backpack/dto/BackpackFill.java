package dev.perpflow.component.backpack.dto;

import java.math.BigDecimal;

/**
 * One {@code GET /wapi/v1/history/fills} row.
 *
 * @param timestamp an ISO date-time without zone, in UTC (or epoch ms)
 */
public record BackpackFill(String tradeId, String orderId, String clientId, String symbol, String side,
        BigDecimal price, BigDecimal quantity, BigDecimal fee, String feeSymbol, Boolean isMaker, String timestamp) {
}
