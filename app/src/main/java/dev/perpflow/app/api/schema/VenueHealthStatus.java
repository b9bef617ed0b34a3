package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A venue's collection health; {@code checks} (its components' Camel health checks) only in {@code /health}. */
public record VenueHealthStatus(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "display_name", required = true) String displayName,
        @JsonProperty(value = "is_active", required = true) boolean isActive,
        @JsonProperty(value = "is_healthy", required = true) boolean isHealthy,
        @JsonProperty(value = "last_successful_fetch", required = true) Instant lastSuccessfulFetch,
        @JsonProperty(value = "time_since_fetch_seconds", required = true) Long timeSinceFetchSeconds,
        @JsonProperty(value = "consecutive_errors", required = true) int consecutiveErrors,
        @JsonProperty(value = "last_error", required = true) String lastError,
        @JsonProperty("checks") List<ComponentCheck> checks) {
}
