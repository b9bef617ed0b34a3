package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A {@code GET /funding/data} row (history): rates per {@code funding_period_hours} and per 8 h, time in ms. */
public record ParadexFundingData(String market, @JsonProperty("created_at") Long createdAt,
        @JsonProperty("funding_rate") BigDecimal fundingRate,
        @JsonProperty("funding_rate_8h") BigDecimal fundingRate8h,
        @JsonProperty("funding_period_hours") BigDecimal fundingPeriodHours,
        @JsonProperty("funding_premium") BigDecimal fundingPremium,
        @JsonProperty("funding_index") BigDecimal fundingIndex) {
}
