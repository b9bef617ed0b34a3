package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** {@code GET /opportunities/best}. */
public record BestOpportunity(
        @JsonProperty(value = "opportunity", required = true) Opportunity opportunity,
        @JsonProperty(value = "rank", required = true) int rank,
        @JsonProperty(value = "generated_at", required = true) Instant generatedAt,
        @JsonProperty(value = "excluded_dexes", required = true) List<ExcludedDex> excludedDexes) {
}
