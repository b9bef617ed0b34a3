package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A venue left out of the ranking, and why (stale or failing data). */
public record ExcludedDex(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "reason", required = true) String reason) {
}
