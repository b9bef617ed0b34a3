package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A health endpoint's 503: the database does not answer. */
@Schema(description = "A health endpoint's 503: the database does not answer.")
public record HealthDown(
        @JsonProperty(value = "status", required = true)
        @Schema(description = "unhealthy") String status,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When this was read (ISO-8601 UTC)") Instant timestamp,
        @JsonProperty(value = "database", required = true) DatabaseState database) {
}
