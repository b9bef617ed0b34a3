package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /strategies/{id}/start} and {@code /resume}. */
public record StrategyStarted(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "status", required = true) String status) {
}
