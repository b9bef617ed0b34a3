package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code GET /tasks/health}: healthy when collection runs, data is fresh and recent rounds succeeded. */
@Schema(description = "GET /tasks/health: healthy when collection runs, data is fresh and recent rounds succeeded.")
public record TasksHealth(
        @JsonProperty(value = "status", required = true)
        @Schema(description = "healthy or unhealthy") String status,
        @JsonProperty(value = "indicators", required = true) CollectionIndicators indicators,
        @JsonProperty(value = "recommendation", required = true) String recommendation) {
}
