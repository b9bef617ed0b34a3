package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /positions/{positionId}/close} body; a wide spread refuses a close unless {@code confirm_wide_spread}. */
public record ClosePositionRequest(
        @JsonProperty("order_type") String orderType,
        @JsonProperty("reason") String reason,
        @JsonProperty("confirm_wide_spread") Boolean confirmWideSpread) {
}
