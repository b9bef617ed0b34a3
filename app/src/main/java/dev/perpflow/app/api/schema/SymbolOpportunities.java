package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** {@code GET /opportunities/symbol/{symbol}}. */
public record SymbolOpportunities(
        @JsonProperty(value = "symbol", required = true) String symbol,
        @JsonProperty(value = "opportunities", required = true) List<Opportunity> opportunities,
        @JsonProperty(value = "count", required = true) int count,
        @JsonProperty(value = "generated_at", required = true) Instant generatedAt,
        @JsonProperty(value = "excluded_dexes", required = true) List<ExcludedDex> excludedDexes) {
}
