package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** {@code GET /opportunities/best}. */
@Schema(description = "GET /opportunities/best.")
public record BestOpportunity(
        @JsonProperty(value = "opportunity", required = true) Opportunity opportunity,
        @JsonProperty(value = "rank", required = true) int rank,
        @JsonProperty(value = "generated_at", required = true) Instant generatedAt,
        @JsonProperty(value = "excluded_dexes", required = true)
        @Schema(description = "Venues left out of the ranking (stale or failing data), and why")
        List<ExcludedDex> excludedDexes) {
}
