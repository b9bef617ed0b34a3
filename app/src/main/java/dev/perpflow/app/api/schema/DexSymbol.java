package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** A market of a venue. */
@Schema(description = "A market of a venue.")
public record DexSymbol(
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "dex_symbol_format", required = true) String dexSymbolFormat,
        @JsonProperty(value = "is_active", required = true) boolean isActive,
        @JsonProperty(value = "min_order_size", required = true) BigDecimal minOrderSize,
        @JsonProperty(value = "volume_24h", required = true)
        @Schema(description = "24-hour volume in USD") BigDecimal volume24h,
        @JsonProperty(value = "open_interest_usd", required = true)
        @Schema(description = "Open interest in USD") BigDecimal openInterestUsd,
        @JsonProperty(value = "spread_bps", required = true)
        @Schema(description = "Bid/ask spread in basis points") Integer spreadBps,
        @JsonProperty(value = "last_updated", required = true) Instant lastUpdated) {
}
