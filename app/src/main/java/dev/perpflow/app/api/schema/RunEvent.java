package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** One entry of a run's event log. */
@Schema(description = "One entry of a run's event log.")
public record RunEvent(
        @JsonProperty(value = "time", required = true) Instant time,
        @JsonProperty(value = "type", required = true) String type,
        @JsonProperty(value = "level", required = true) String level,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty(value = "details", required = true) Map<String, Object> details) {
}
