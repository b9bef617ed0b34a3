package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** {@code GET /health/database}. */
@Schema(description = "GET /health/database.")
public record DatabaseHealth(
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "connected", required = true) boolean connected,
        @JsonProperty(value = "statistics", required = true) DatabaseStatistics statistics,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When this was read (ISO-8601 UTC)") Instant timestamp) {
}
