package dev.perpflow.component.backpack.dto;

import java.math.BigDecimal;

/** One {@code GET /api/v1/position} row (a {@code FuturePosition}); {@code estLiquidationPrice} 0 means none. */
public record BackpackPosition(String symbol, BigDecimal netQuantity, BigDecimal entryPrice, BigDecimal markPrice,
        BigDecimal estLiquidationPrice, BigDecimal pnlUnrealized, BigDecimal cumulativeFundingPayment) {
}
