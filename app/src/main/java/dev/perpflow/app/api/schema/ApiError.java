package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The error answer of every endpoint: what went wrong and, for a 400, the parameter (query parameter, path segment or
 * body field) at fault.
 */
@Schema(description = "The error answer of every endpoint: what went wrong and, for a 400, the parameter (query "
        + "parameter, path segment or body field) at fault.")
public record ApiError(
        @JsonProperty(value = "detail", required = true)
        @Schema(description = "What is wrong, in words for a person") String detail,
        @JsonProperty("parameter")
        @Schema(description = "The query parameter, path segment or body field at fault (400 only)") String parameter) {
}
