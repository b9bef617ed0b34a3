package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** A run created, not yet started ({@code POST /strategies/{id}/start}). */
@Schema(description = "A run created, not yet started (POST /strategies/{id}/start).")
public record CreatedStrategy(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "strategy", required = true)
        @Schema(description = "funding_arbitrage or grid") String strategy,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "account_name", required = true)
        @Schema(description = "Trading account (owner/name, or default)") String accountName) {
}
