package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /strategies}. */
@Schema(description = "GET /strategies.")
public record StrategyRuns(
        @JsonProperty(value = "strategies", required = true) List<StrategyRun> strategies,
        @JsonProperty(value = "count", required = true) int count) {
}
