package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /status}: the caller, the trading state (ACTIVE, REDUCING or HALTED), running runs and the caller's
 * accounts.
 */
@Schema(description = "GET /status: the caller, the trading state (ACTIVE, REDUCING or HALTED), running runs and "
        + "the caller's accounts.")
public record ControlStatus(
        @JsonProperty(value = "user", required = true) String user,
        @JsonProperty(value = "is_admin", required = true) boolean isAdmin,
        @JsonProperty(value = "strategy", required = true)
        @Schema(description = "funding_arbitrage or grid") String strategy,
        @JsonProperty(value = "status", required = true)
        @Schema(description = "running (the control service answers)") String status,
        @JsonProperty(value = "trading_state", required = true)
        @Schema(description = "ACTIVE, REDUCING or HALTED") String tradingState,
        @JsonProperty(value = "account_trading_states", required = true)
        Map<String, AccountTradingState> accountTradingStates,
        @JsonProperty(value = "running_strategies", required = true)
        @Schema(description = "Ids of the running runs") List<String> runningStrategies,
        @JsonProperty(value = "accessible_accounts", required = true) List<Account> accessibleAccounts) {
}
