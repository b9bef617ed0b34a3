package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A position a stopped run still holds (it keeps watching it until flat). */
@Schema(description = "A position a stopped run still holds (it keeps watching it until flat).")
public record RemainingPosition(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "long_tokens", required = true) BigDecimal longTokens,
        @JsonProperty(value = "short_tokens", required = true) BigDecimal shortTokens,
        @JsonProperty(value = "exit_reason", required = true) String exitReason) {
}
