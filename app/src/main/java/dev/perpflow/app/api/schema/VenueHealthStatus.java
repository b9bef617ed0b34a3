package dev.perpflow.app.api.schema;

import dev.perpflow.app.venue.VenueHealth;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A venue's collection health; {@code checks} (its components' Camel health checks) only in {@code /health}. */
@Schema(description = "A venue's collection health; checks (its components' Camel health checks) only in /health.")
public record VenueHealthStatus(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "display_name", required = true) String displayName,
        @JsonProperty(value = "is_active", required = true) boolean isActive,
        @JsonProperty(value = "is_healthy", required = true) boolean isHealthy,
        @JsonProperty(value = "last_successful_fetch", required = true) Instant lastSuccessfulFetch,
        @JsonProperty(value = "time_since_fetch_seconds", required = true)
        @Schema(description = "Seconds since the last successful fetch") Long timeSinceFetchSeconds,
        @JsonProperty(value = "consecutive_errors", required = true) int consecutiveErrors,
        @JsonProperty(value = "last_error", required = true)
        @Schema(description = "null, or 'unavailable (details in the server log)' after an error (its text is never"
                + " shown here)") String lastError,
        @JsonProperty("checks") List<ComponentCheck> checks) {
}
