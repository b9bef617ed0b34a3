package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A config saved by {@code POST /configs}. */
public record SavedConfigRef(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "strategy", required = true) String strategy) {
}
