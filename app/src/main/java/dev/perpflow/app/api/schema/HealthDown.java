package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A health endpoint's 503: the database does not answer. */
public record HealthDown(
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty(value = "database", required = true) DatabaseState database) {
}
