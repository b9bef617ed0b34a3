package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /funding-rates}: 8-hour rates by symbol, then by venue; {@code dex_metadata} only with {@code include_metadata=true}. */
public record FundingRates(
        @JsonProperty(value = "data", required = true) Map<String, Map<String, BigDecimal>> data,
        @JsonProperty(value = "updated_at", required = true) Instant updatedAt,
        @JsonProperty(value = "count", required = true) int count,
        @JsonProperty("dex_metadata") List<DexFees> dexMetadata) {
}
