package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** A saved strategy config. */
public record SavedConfig(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "owner", required = true) String owner,
        @JsonProperty(value = "strategy", required = true) String strategy,
        @JsonProperty(value = "config", required = true) Map<String, Object> config,
        @JsonProperty(value = "updated_at", required = true) Instant updatedAt) {
}
