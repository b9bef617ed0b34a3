package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** Whether the database answers; {@code error} is masked (details only in the server log). */
@Schema(description = "Whether the database answers; error is masked (details only in the server log).")
public record DatabaseState(
        @JsonProperty(value = "connected", required = true) boolean connected,
        @JsonProperty("error") String error) {
}
