package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An account's own trading state (e.g. halted by its daily loss limit). */
public record AccountTradingState(
        @JsonProperty(value = "state", required = true) String state,
        @JsonProperty(value = "reason", required = true) String reason,
        @JsonProperty(value = "since", required = true) String since) {
}
