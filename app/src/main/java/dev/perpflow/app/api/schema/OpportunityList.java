package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /opportunities}: the ranking, the filters given, and the venues left out. */
@Schema(description = "GET /opportunities: the ranking, the filters given, and the venues left out.")
public record OpportunityList(
        @JsonProperty(value = "opportunities", required = true) List<Opportunity> opportunities,
        @JsonProperty(value = "total_count", required = true) int totalCount,
        @JsonProperty(value = "filters_applied", required = true)
        @Schema(description = "The filter query parameters given, as sent") Map<String, String> filtersApplied,
        @JsonProperty(value = "generated_at", required = true) Instant generatedAt,
        @JsonProperty(value = "excluded_dexes", required = true)
        @Schema(description = "Venues left out of the ranking (stale or failing data), and why")
        List<ExcludedDex> excludedDexes) {
}
