package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /resume}: the new state, and the account when one was resumed. */
@Schema(description = "POST /resume: the new state, and the account when one was resumed.")
public record ResumeResult(
        @JsonProperty(value = "trading_state", required = true)
        @Schema(description = "ACTIVE, REDUCING or HALTED") String tradingState,
        @JsonProperty("account") String account) {
}
