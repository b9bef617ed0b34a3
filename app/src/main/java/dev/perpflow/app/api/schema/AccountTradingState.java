package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** An account's own trading state (e.g. halted by its daily loss limit). */
@Schema(description = "An account's own trading state (e.g. halted by its daily loss limit).")
public record AccountTradingState(
        @JsonProperty(value = "state", required = true) String state,
        @JsonProperty(value = "reason", required = true)
        @Schema(description = "Why the account is in this state") String reason,
        @JsonProperty(value = "since", required = true)
        @Schema(description = "Since when (ISO-8601 UTC)") String since) {
}
