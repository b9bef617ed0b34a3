package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /strategies/{id}/stop}; {@code detail} explains an already stopped run or remaining positions. */
public record StrategyStopped(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "already_stopped", required = true) boolean alreadyStopped,
        @JsonProperty(value = "closed_positions", required = true) int closedPositions,
        @JsonProperty(value = "open_positions", required = true) List<RemainingPosition> openPositions,
        @JsonProperty("detail") String detail) {
}
