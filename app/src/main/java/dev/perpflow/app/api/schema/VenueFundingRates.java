package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** {@code GET /funding-rates/{dex}}: the venue's latest rates by symbol. */
public record VenueFundingRates(
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "rates", required = true) Map<String, VenueRate> rates,
        @JsonProperty(value = "updated_at", required = true) Instant updatedAt) {
}
