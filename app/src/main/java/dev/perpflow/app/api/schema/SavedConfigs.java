package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /configs}: the caller's configs (admins: everyone's). */
@Schema(description = "GET /configs: the caller's configs (admins: everyone's).")
public record SavedConfigs(
        @JsonProperty(value = "configs", required = true) List<SavedConfig> configs,
        @JsonProperty(value = "count", required = true) int count) {
}
