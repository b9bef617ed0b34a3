package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** {@code POST /halt}: the new state, the account when one was halted, and the working orders cancelled or not. */
@Schema(description = "POST /halt: the new state, the account when one was halted, and the working orders cancelled"
        + " or not.")
public record HaltResult(
        @JsonProperty(value = "trading_state", required = true)
        @Schema(description = "ACTIVE, REDUCING or HALTED") String tradingState,
        @JsonProperty("account") String account,
        @JsonProperty(value = "cancelled_orders", required = true)
        @Schema(description = "Working orders cancelled") List<String> cancelledOrders,
        @JsonProperty(value = "failed_cancels", required = true)
        @Schema(description = "Orders whose cancel failed, with the reason, by order")
        Map<String, String> failedCancels) {
}
