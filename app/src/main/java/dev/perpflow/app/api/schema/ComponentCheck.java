package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** One Camel consumer health check of a venue component (funding poll, book or order stream). */
@Schema(description = "One Camel consumer health check of a venue component (funding poll, book or order stream).")
public record ComponentCheck(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "state", required = true) String state,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty(value = "endpoint", required = true) String endpoint) {
}
