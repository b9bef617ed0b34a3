package dev.perpflow.component.aster.dto;

import java.math.BigDecimal;

/** {@code GET /fapi/v1/ticker/bookTicker?symbol=}: best bid and ask; {@code time} in epoch ms. */
public record AsterBookTicker(String symbol, BigDecimal bidPrice, BigDecimal bidQty, BigDecimal askPrice,
        BigDecimal askQty, Long time) {
}
