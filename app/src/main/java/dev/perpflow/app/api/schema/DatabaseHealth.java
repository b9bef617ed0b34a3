package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** {@code GET /health/database}. */
public record DatabaseHealth(
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "connected", required = true) boolean connected,
        @JsonProperty(value = "statistics", required = true) DatabaseStatistics statistics,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp) {
}
