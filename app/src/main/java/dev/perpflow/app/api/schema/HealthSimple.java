package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** {@code GET /health/simple}: liveness only. */
public record HealthSimple(
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp) {
}
