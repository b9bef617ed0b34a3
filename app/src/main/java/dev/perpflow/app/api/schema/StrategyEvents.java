package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /strategies/{id}/events}, newest first. */
@Schema(description = "GET /strategies/{id}/events, newest first.")
public record StrategyEvents(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "events", required = true) List<RunEvent> events,
        @JsonProperty(value = "count", required = true) int count) {
}
