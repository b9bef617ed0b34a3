package dev.perpflow.component.aster.dto;

import java.math.BigDecimal;

/** {@code GET /fapi/v1/openInterest?symbol=}: open interest in contracts (base units). */
public record AsterOpenInterest(String symbol, BigDecimal openInterest, Long time) {
}
