package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /dexes}. */
public record DexList(
        @JsonProperty(value = "dexes", required = true) List<DexSummary> dexes,
        @JsonProperty(value = "count", required = true) int count) {
}
