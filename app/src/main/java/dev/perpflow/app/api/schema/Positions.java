package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /positions}: {@code account_name} is {@code all} without a filter. */
@Schema(description = "GET /positions: account_name is all without a filter.")
public record Positions(
        @JsonProperty(value = "account_name", required = true)
        @Schema(description = "Trading account (owner/name, or default)") String accountName,
        @JsonProperty(value = "positions", required = true) List<Position> positions,
        @JsonProperty(value = "count", required = true) int count) {
}
