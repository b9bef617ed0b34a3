package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /dexes}. */
@Schema(description = "GET /dexes.")
public record DexList(
        @JsonProperty(value = "dexes", required = true) List<DexSummary> dexes,
        @JsonProperty(value = "count", required = true) int count) {
}
