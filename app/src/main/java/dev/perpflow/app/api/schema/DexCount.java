package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** How many venues are known, active and healthy. */
@Schema(description = "How many venues are known, active and healthy.")
public record DexCount(
        @JsonProperty(value = "total", required = true) int total,
        @JsonProperty(value = "active", required = true) int active,
        @JsonProperty(value = "healthy", required = true) int healthy) {
}
