package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;

/** One row of {@code funding}: the rate (percentage points) over {@code fundingIntervalHours} settled at {@code fundingTime} (ns). */
public record GrvtFundingRate(String instrument, BigDecimal fundingRate, String fundingTime, BigDecimal markPrice,
        Integer fundingIntervalHours) {
}
