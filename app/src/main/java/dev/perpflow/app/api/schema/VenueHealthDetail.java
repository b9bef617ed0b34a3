package dev.perpflow.app.api.schema;

import dev.perpflow.app.venue.VenueHealth;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** {@code GET /health/dex/{dex}}: {@code status} is healthy, unhealthy or inactive. */
@Schema(description = "GET /health/dex/{dex}: status is healthy, unhealthy or inactive.")
public record VenueHealthDetail(
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "status", required = true)
        @Schema(description = "healthy, unhealthy or inactive") String status,
        @JsonProperty(value = "is_active", required = true) boolean isActive,
        @JsonProperty(value = "last_successful_fetch", required = true) Instant lastSuccessfulFetch,
        @JsonProperty(value = "time_since_fetch_seconds", required = true)
        @Schema(description = "Seconds since the last successful fetch") Long timeSinceFetchSeconds,
        @JsonProperty(value = "consecutive_errors", required = true) int consecutiveErrors,
        @JsonProperty(value = "last_error", required = true)
        @Schema(description = "null, or 'unavailable (details in the server log)' after an error (its text is never"
                + " shown here)") String lastError,
        @JsonProperty(value = "active_symbols", required = true) long activeSymbols,
        @JsonProperty(value = "recent_updates", required = true) long recentUpdates,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When this was read (ISO-8601 UTC)") Instant timestamp) {
}
