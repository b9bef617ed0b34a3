package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** A saved strategy config. */
@Schema(description = "A saved strategy config.")
public record SavedConfig(
        @JsonProperty(value = "id", required = true) long id,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "owner", required = true) String owner,
        @JsonProperty(value = "strategy", required = true)
        @Schema(description = "funding_arbitrage or grid") String strategy,
        @JsonProperty(value = "config", required = true)
        @Schema(description = "The strategy's settings, the keys of configs/*.yaml (funding_arbitrage or grid)")
        Map<String, Object> config,
        @JsonProperty(value = "updated_at", required = true)
        @Schema(description = "When the config was last saved (ISO-8601 UTC)") Instant updatedAt) {
}
