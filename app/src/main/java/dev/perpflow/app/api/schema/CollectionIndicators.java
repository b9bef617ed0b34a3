package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** What {@code /tasks/health} decides on. */
@Schema(description = "What /tasks/health decides on.")
public record CollectionIndicators(
        @JsonProperty(value = "recent_successful_collections", required = true) long recentSuccessfulCollections,
        @JsonProperty(value = "fresh_data_points", required = true) long freshDataPoints,
        @JsonProperty(value = "data_is_fresh", required = true) boolean dataIsFresh,
        @JsonProperty(value = "collections_active", required = true) boolean collectionsActive) {
}
