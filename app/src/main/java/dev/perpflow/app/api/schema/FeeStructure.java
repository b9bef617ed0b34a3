package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A venue's fees in percent. */
@Schema(description = "A venue's fees in percent.")
public record FeeStructure(
        @JsonProperty(value = "maker_fee_percent", required = true)
        @Schema(description = "Maker fee in percent") BigDecimal makerFeePercent,
        @JsonProperty(value = "taker_fee_percent", required = true)
        @Schema(description = "Taker fee in percent") BigDecimal takerFeePercent,
        @JsonProperty(value = "has_fee_tiers", required = true) boolean hasFeeTiers) {
}
