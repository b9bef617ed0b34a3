package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** {@code GET /tasks/status}: {@code status} is active when a collection route runs. */
@Schema(description = "GET /tasks/status: status is active when a collection route runs.")
public record TasksStatus(
        @JsonProperty(value = "status", required = true)
        @Schema(description = "active when a venue collection route runs, else inactive") String status,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty(value = "recent_collections", required = true) List<CollectionRun> recentCollections,
        @JsonProperty(value = "data_freshness", required = true) RateFreshness dataFreshness,
        @JsonProperty(value = "timestamp", required = true)
        @Schema(description = "When this was read (ISO-8601 UTC)") Instant timestamp) {
}
