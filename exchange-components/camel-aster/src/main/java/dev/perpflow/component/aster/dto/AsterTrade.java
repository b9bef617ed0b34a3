package dev.perpflow.component.aster.dto;

import java.math.BigDecimal;

/**
 * One {@code GET /fapi/v1/userTrades} row: a fill, naming only the venue's order id.
 *
 * @param time epoch ms
 */
public record AsterTrade(String symbol, String id, String orderId, String side, BigDecimal price, BigDecimal qty,
        BigDecimal commission, String commissionAsset, Boolean maker, Long time) {
}
