package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** A venue left out of the ranking, and why (stale or failing data). */
@Schema(description = "A venue left out of the ranking, and why (stale or failing data).")
public record ExcludedDex(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "reason", required = true)
        @Schema(description = "Why the venue is left out (stale or failing data)") String reason) {
}
