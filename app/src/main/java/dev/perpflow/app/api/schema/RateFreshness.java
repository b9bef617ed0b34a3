package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Latest-rate rows and their newest and oldest update. */
@Schema(description = "Latest-rate rows and their newest and oldest update.")
public record RateFreshness(
        @JsonProperty(value = "total_rates", required = true) long totalRates,
        @JsonProperty(value = "latest_update", required = true) Instant latestUpdate,
        @JsonProperty(value = "oldest_update", required = true) Instant oldestUpdate) {
}
