package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A run created, not yet started ({@code POST /strategies/{id}/start}). */
public record CreatedStrategy(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "strategy", required = true) String strategy,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "account_name", required = true) String accountName) {
}
