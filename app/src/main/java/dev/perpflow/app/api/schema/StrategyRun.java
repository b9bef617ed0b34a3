package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A strategy run; {@code error_message} only for a run in error. */
@Schema(description = "A strategy run; error_message only for a run in error.")
public record StrategyRun(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "strategy", required = true)
        @Schema(description = "funding_arbitrage or grid") String strategy,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "venue", required = true) String venue,
        @JsonProperty(value = "account_name", required = true)
        @Schema(description = "Trading account (owner/name, or default)") String accountName,
        @JsonProperty(value = "started_at", required = true) Instant startedAt,
        @JsonProperty(value = "started_by", required = true) String startedBy,
        @JsonProperty(value = "last_heartbeat", required = true) Instant lastHeartbeat,
        @JsonProperty("error_message")
        @Schema(description = "Why the run ended in error (only for a run in error)") String errorMessage) {
}
