package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** {@code GET /funding-rates/{dex}}: the venue's latest rates by symbol. */
@Schema(description = "GET /funding-rates/{dex}: the venue's latest rates by symbol.")
public record VenueFundingRates(
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "rates", required = true)
        @Schema(description = "By symbol") Map<String, VenueRate> rates,
        @JsonProperty(value = "updated_at", required = true)
        @Schema(description = "Newest update among the rates shown (ISO-8601 UTC)") Instant updatedAt) {
}
