package dev.perpflow.component.aster.dto;

import java.math.BigDecimal;

/** One {@code GET /fapi/v1/ticker/24hr} row; {@code quoteVolume} is in USDT. */
public record AsterTicker24h(String symbol, BigDecimal lastPrice, BigDecimal volume, BigDecimal quoteVolume) {
}
