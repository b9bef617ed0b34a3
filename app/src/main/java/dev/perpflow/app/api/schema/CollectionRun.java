package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One venue collection round from the collection log; {@code error_message} is masked. */
@Schema(description = "One venue collection round from the collection log; error_message is masked.")
public record CollectionRun(
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "started_at", required = true) Instant startedAt,
        @JsonProperty(value = "completed_at", required = true) Instant completedAt,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "symbols_fetched", required = true) int symbolsFetched,
        @JsonProperty(value = "error_message", required = true)
        @Schema(description = "null, or the error masked as 'unavailable (details in the server log)'")
        String errorMessage) {
}
