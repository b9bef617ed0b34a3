package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** {@code GET /opportunities/symbol/{symbol}}. */
@Schema(description = "GET /opportunities/symbol/{symbol}.")
public record SymbolOpportunities(
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "opportunities", required = true) List<Opportunity> opportunities,
        @JsonProperty(value = "count", required = true) int count,
        @JsonProperty(value = "generated_at", required = true) Instant generatedAt,
        @JsonProperty(value = "excluded_dexes", required = true)
        @Schema(description = "Venues left out of the ranking (stale or failing data), and why")
        List<ExcludedDex> excludedDexes) {
}
