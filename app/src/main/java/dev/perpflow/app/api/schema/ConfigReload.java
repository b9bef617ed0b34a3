package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code POST /config/reload}: the runs whose stored config was re-applied. */
@Schema(description = "POST /config/reload: the runs whose stored config was re-applied.")
public record ConfigReload(
        @JsonProperty(value = "success", required = true) boolean success,
        @JsonProperty(value = "reloaded", required = true)
        @Schema(description = "Runs whose stored config was re-applied") List<String> reloaded) {
}
