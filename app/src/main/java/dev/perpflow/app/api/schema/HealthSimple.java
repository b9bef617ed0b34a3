package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** {@code GET /health/simple}: liveness only. */
@Schema(description = "GET /health/simple: liveness only.")
public record HealthSimple(
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When this was read (ISO-8601 UTC)") Instant timestamp) {
}
