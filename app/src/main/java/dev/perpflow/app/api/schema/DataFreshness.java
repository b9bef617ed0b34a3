package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Age of the newest and oldest latest-rate rows. */
@Schema(description = "Age of the newest and oldest latest-rate rows.")
public record DataFreshness(
        @JsonProperty(value = "oldest_data_age_seconds", required = true) Long oldestDataAgeSeconds,
        @JsonProperty(value = "latest_update", required = true) Instant latestUpdate,
        @JsonProperty(value = "total_rates", required = true) long totalRates) {
}
