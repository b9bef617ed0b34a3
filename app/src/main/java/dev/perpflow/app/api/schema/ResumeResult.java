package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /resume}: the new state, and the account when one was resumed. */
public record ResumeResult(
        @JsonProperty(value = "trading_state", required = true) String tradingState,
        @JsonProperty("account") String account) {
}
