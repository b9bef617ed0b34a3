package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The error answer of every endpoint: what went wrong and, for a 400, the parameter (query parameter, path segment or body field) at fault. */
public record ApiError(
        @JsonProperty(value = "detail", required = true) String detail,
        @JsonProperty("parameter") String parameter) {
}
