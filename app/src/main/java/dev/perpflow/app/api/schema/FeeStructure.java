package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A venue's fees in percent. */
public record FeeStructure(
        @JsonProperty(value = "maker_fee_percent", required = true) BigDecimal makerFeePercent,
        @JsonProperty(value = "taker_fee_percent", required = true) BigDecimal takerFeePercent,
        @JsonProperty(value = "has_fee_tiers", required = true) boolean hasFeeTiers) {
}
