package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code POST /strategies} body (JSON or YAML): the run's id (generated when absent), strategy ({@code funding_arbitrage} or {@code grid}), account and config keys. */
public record CreateStrategyRequest(
        @JsonProperty("id") String id,
        @JsonProperty(value = "strategy", required = true) String strategy,
        @JsonProperty("account") String account,
        @JsonProperty(value = "config", required = true) Map<String, Object> config) {
}
