package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Row counts of the funding data. */
public record DatabaseStatistics(
        @JsonProperty(value = "symbols", required = true) long symbols,
        @JsonProperty(value = "dexes", required = true) long dexes,
        @JsonProperty(value = "latest_rates", required = true) long latestRates,
        @JsonProperty(value = "rates_last_24h", required = true) long ratesLast24h) {
}
