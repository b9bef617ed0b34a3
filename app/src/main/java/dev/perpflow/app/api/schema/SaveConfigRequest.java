package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** {@code POST /configs} body (JSON or YAML): a named strategy config, validated key by key. */
@Schema(description = "POST /configs body (JSON or YAML): a named strategy config, validated key by key.")
public record SaveConfigRequest(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "strategy", required = true)
        @Schema(description = "funding_arbitrage or grid") String strategy,
        @JsonProperty(value = "config", required = true)
        @Schema(description = "The strategy's settings, the keys of configs/*.yaml (funding_arbitrage or grid)")
        Map<String, Object> config) {
}
