package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One venue collection round from the collection log; {@code error_message} is masked. */
public record CollectionRun(
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "started_at", required = true) Instant startedAt,
        @JsonProperty(value = "completed_at", required = true) Instant completedAt,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "symbols_fetched", required = true) int symbolsFetched,
        @JsonProperty(value = "error_message", required = true) String errorMessage) {
}
