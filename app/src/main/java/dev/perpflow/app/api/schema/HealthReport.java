package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** {@code GET /health}: overall status ({@code healthy} when every active venue is, else {@code degraded}). */
public record HealthReport(
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "timestamp", required = true) Instant timestamp,
        @JsonProperty(value = "database", required = true) DatabaseState database,
        @JsonProperty(value = "dex_health", required = true) List<VenueHealthStatus> dexHealth,
        @JsonProperty(value = "dex_summary", required = true) DexCount dexSummary,
        @JsonProperty(value = "data_freshness", required = true) DataFreshness dataFreshness) {
}
