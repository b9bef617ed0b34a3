package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /dexes/{dex}/symbols}, highest 24 h volume first. */
@Schema(description = "GET /dexes/{dex}/symbols, highest 24 h volume first.")
public record DexSymbols(
        @JsonProperty(value = "dex_name", required = true) String dexName,
        @JsonProperty(value = "symbols", required = true) List<DexSymbol> symbols,
        @JsonProperty(value = "count", required = true) int count) {
}
