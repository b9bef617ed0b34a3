package dev.perpflow.component.backpack.dto;

import java.math.BigDecimal;

/** One {@code GET /api/v1/tickers} row; {@code quoteVolume} is in the quote currency (USDC) over 24 h. */
public record BackpackTicker(String symbol, BigDecimal lastPrice, BigDecimal quoteVolume) {
}
