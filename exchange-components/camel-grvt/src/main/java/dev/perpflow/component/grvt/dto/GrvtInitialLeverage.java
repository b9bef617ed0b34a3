package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;

/** One row of {@code get_all_initial_leverage}: the leverage set and the range allowed for an instrument. */
public record GrvtInitialLeverage(String instrument, BigDecimal leverage, BigDecimal minLeverage,
        BigDecimal maxLeverage, String marginType) {
}
