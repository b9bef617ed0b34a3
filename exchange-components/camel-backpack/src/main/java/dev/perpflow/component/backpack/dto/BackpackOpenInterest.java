package dev.perpflow.component.backpack.dto;

import java.math.BigDecimal;

/** One {@code GET /api/v1/openInterest} row: open interest in base units. */
public record BackpackOpenInterest(String symbol, BigDecimal openInterest) {
}
