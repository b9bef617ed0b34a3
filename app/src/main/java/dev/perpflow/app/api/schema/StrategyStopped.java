package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code POST /strategies/{id}/stop}; {@code detail} explains an already stopped run or remaining positions. */
@Schema(description = "POST /strategies/{id}/stop; detail explains an already stopped run or remaining positions.")
public record StrategyStopped(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "already_stopped", required = true)
        @Schema(description = "The run was stopped already; nothing changed") boolean alreadyStopped,
        @JsonProperty(value = "closed_positions", required = true)
        @Schema(description = "Positions this stop closed") int closedPositions,
        @JsonProperty(value = "open_positions", required = true) List<RemainingPosition> openPositions,
        @JsonProperty("detail")
        @Schema(description = "What is wrong, in words for a person") String detail) {
}
