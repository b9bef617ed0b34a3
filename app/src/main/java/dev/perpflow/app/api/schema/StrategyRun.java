package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A strategy run; {@code error_message} only for a run in error. */
public record StrategyRun(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "strategy", required = true) String strategy,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "venue", required = true) String venue,
        @JsonProperty(value = "account_name", required = true) String accountName,
        @JsonProperty(value = "started_at", required = true) Instant startedAt,
        @JsonProperty(value = "started_by", required = true) String startedBy,
        @JsonProperty(value = "last_heartbeat", required = true) Instant lastHeartbeat,
        @JsonProperty("error_message") String errorMessage) {
}
