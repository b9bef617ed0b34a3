package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /strategies/{id}/logs}: the run's latest log lines. */
@Schema(description = "GET /strategies/{id}/logs: the run's latest log lines.")
public record StrategyLogs(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "lines", required = true)
        @Schema(description = "The run's latest log lines, oldest first") List<String> lines) {
}
