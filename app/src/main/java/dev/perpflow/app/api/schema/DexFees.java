package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A venue's fees in percent (the configured fee schedule the opportunity finder uses). */
@Schema(description = "A venue's fees in percent (the configured fee schedule the opportunity finder uses).")
public record DexFees(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "display_name", required = true) String displayName,
        @JsonProperty(value = "maker_fee_percent", required = true)
        @Schema(description = "Maker fee in percent") BigDecimal makerFeePercent,
        @JsonProperty(value = "taker_fee_percent", required = true)
        @Schema(description = "Taker fee in percent") BigDecimal takerFeePercent) {
}
