package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /funding-rates}: 8-hour rates by symbol, then by venue; {@code dex_metadata} only with {@code
 * include_metadata=true}.
 */
@Schema(description = "GET /funding-rates: 8-hour rates by symbol, then by venue; dex_metadata only with "
        + "include_metadata=true.")
public record FundingRates(
        @JsonProperty(value = "data", required = true)
        @Schema(description = "8-hour rate by symbol, then by venue") Map<String, Map<String, BigDecimal>> data,
        @JsonProperty(value = "updated_at", required = true)
        @Schema(description = "Newest update among the rates shown (ISO-8601 UTC)") Instant updatedAt,
        @JsonProperty(value = "count", required = true) int count,
        @JsonProperty("dex_metadata") List<DexFees> dexMetadata) {
}
