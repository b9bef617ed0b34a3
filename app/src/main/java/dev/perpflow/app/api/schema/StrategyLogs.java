package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /strategies/{id}/logs}: the run's latest log lines. */
public record StrategyLogs(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "lines", required = true) List<String> lines) {
}
