package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code POST /halt}: the new state, the account when one was halted, and the working orders cancelled or not. */
public record HaltResult(
        @JsonProperty(value = "trading_state", required = true) String tradingState,
        @JsonProperty("account") String account,
        @JsonProperty(value = "cancelled_orders", required = true) List<String> cancelledOrders,
        @JsonProperty(value = "failed_cancels", required = true) Map<String, String> failedCancels) {
}
