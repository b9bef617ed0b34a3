package dev.perpflow.app.api.schema;

import dev.perpflow.app.venue.VenueHealth;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** {@code GET /dexes/{dex}}: the summary plus connection settings and health. */
@Schema(description = "GET /dexes/{dex}: the summary plus connection settings and health.")
public record DexDetail(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "display_name", required = true) String displayName,
        @JsonProperty(value = "is_active", required = true) boolean isActive,
        @JsonProperty(value = "fee_structure", required = true) FeeStructure feeStructure,
        @JsonProperty(value = "supported_symbols_count", required = true) long supportedSymbolsCount,
        @JsonProperty(value = "last_successful_fetch", required = true) Instant lastSuccessfulFetch,
        @JsonProperty(value = "last_error", required = true)
        @Schema(description = "null, or 'unavailable (details in the server log)' after an error (its text is never"
                + " shown here)") String lastError,
        @JsonProperty(value = "consecutive_errors", required = true) int consecutiveErrors,
        @JsonProperty(value = "is_healthy", required = true) boolean isHealthy,
        @JsonProperty(value = "api_base_url", required = true) String apiBaseUrl,
        @JsonProperty(value = "supports_websocket", required = true) boolean supportsWebsocket,
        @JsonProperty(value = "collection_interval_seconds", required = true) int collectionIntervalSeconds,
        @JsonProperty(value = "rate_limit_per_minute", required = true) int rateLimitPerMinute,
        @JsonProperty(value = "health", required = true) VenueHealthStatus health,
        @JsonProperty(value = "created_at", required = true)
        @Schema(description = "When the venue was registered (ISO-8601 UTC)") Instant createdAt,
        @JsonProperty(value = "updated_at", required = true)
        @Schema(description = "When the venue's settings were last changed (ISO-8601 UTC)") Instant updatedAt) {
}
