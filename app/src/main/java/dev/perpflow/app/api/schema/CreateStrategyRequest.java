package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * {@code POST /strategies} body (JSON or YAML): the run's id (generated when absent), strategy ({@code
 * funding_arbitrage} or {@code grid}), account and config keys.
 */
@Schema(description = "POST /strategies body (JSON or YAML): the run's id (generated when absent), strategy "
        + "(funding_arbitrage or grid), account and config keys.")
public record CreateStrategyRequest(
        @JsonProperty("id")
        @Schema(description = "Run id; generated when absent") String id,
        @JsonProperty(value = "strategy", required = true)
        @Schema(description = "funding_arbitrage or grid") String strategy,
        @JsonProperty("account")
        @Schema(description = "Account to run on (owner/name); the caller's default when absent") String account,
        @JsonProperty(value = "config", required = true)
        @Schema(description = "The strategy's settings, the keys of configs/*.yaml (funding_arbitrage or grid)")
        Map<String, Object> config) {
}
