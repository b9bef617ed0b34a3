package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code POST /configs} body (JSON or YAML): a named strategy config, validated key by key. */
public record SaveConfigRequest(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "strategy", required = true) String strategy,
        @JsonProperty(value = "config", required = true) Map<String, Object> config) {
}
