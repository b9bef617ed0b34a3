package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A venue in {@code GET /dexes}. */
@Schema(description = "A venue in GET /dexes.")
public record DexSummary(
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
        @JsonProperty(value = "is_healthy", required = true) boolean isHealthy) {
}
