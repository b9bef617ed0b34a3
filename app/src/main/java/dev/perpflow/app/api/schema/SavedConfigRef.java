package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** A config saved by {@code POST /configs}. */
@Schema(description = "A config saved by POST /configs.")
public record SavedConfigRef(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "strategy", required = true)
        @Schema(description = "funding_arbitrage or grid") String strategy) {
}
