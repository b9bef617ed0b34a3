package dev.perpflow.app.api.schema;

import dev.perpflow.app.venue.VenueHealth;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** {@code GET /health}: overall status ({@code healthy} when every active venue is, else {@code degraded}). */
@Schema(description = "GET /health: overall status (healthy when every active venue is, else degraded).")
public record HealthReport(
        @JsonProperty(value = "status", required = true)
        @Schema(description = "healthy (every active venue is) or degraded") String status,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When this was read (ISO-8601 UTC)") Instant timestamp,
        @JsonProperty(value = "database", required = true) DatabaseState database,
        @JsonProperty(value = "dex_health", required = true) List<VenueHealthStatus> dexHealth,
        @JsonProperty(value = "dex_summary", required = true) DexCount dexSummary,
        @JsonProperty(value = "data_freshness", required = true) DataFreshness dataFreshness) {
}
