package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /strategies/{id}/start} and {@code /resume}. */
@Schema(description = "POST /strategies/{id}/start and /resume.")
public record StrategyStarted(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "status", required = true) String status) {
}
