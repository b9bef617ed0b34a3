package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /positions/{positionId}/close} body; a wide spread refuses a close unless {@code confirm_wide_spread}.
 */
@Schema(description = "POST /positions/{positionId}/close body; a wide spread refuses a close unless "
        + "confirm_wide_spread.")
public record ClosePositionRequest(
        @JsonProperty("order_type")
        @Schema(description = "market (the default) or limit") String orderType,
        @JsonProperty("reason")
        @Schema(description = "Why, for the audit log (at most 200 characters)") String reason,
        @JsonProperty("confirm_wide_spread")
        @Schema(description = "Close even when the spread is wide (a wide spread otherwise answers success false "
                + "with a warning)") Boolean confirmWideSpread) {
}
