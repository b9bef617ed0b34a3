package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /tasks/health}: healthy when collection runs, data is fresh and recent rounds succeeded. */
public record TasksHealth(
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "indicators", required = true) CollectionIndicators indicators,
        @JsonProperty(value = "recommendation", required = true) String recommendation) {
}
