package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /config/reload}: the runs whose stored config was re-applied. */
public record ConfigReload(
        @JsonProperty(value = "success", required = true) boolean success,
        @JsonProperty(value = "reloaded", required = true) List<String> reloaded) {
}
