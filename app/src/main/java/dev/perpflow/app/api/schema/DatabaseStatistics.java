package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Row counts of the funding data. */
@Schema(description = "Row counts of the funding data.")
public record DatabaseStatistics(
        @JsonProperty(value = "symbols", required = true) long symbols,
        @JsonProperty(value = "dexes", required = true) long dexes,
        @JsonProperty(value = "latest_rates", required = true) long latestRates,
        @JsonProperty(value = "rates_last_24h", required = true) long ratesLast24h) {
}
