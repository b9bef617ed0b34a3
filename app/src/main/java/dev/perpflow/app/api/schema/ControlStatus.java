package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code GET /status}: the caller, the trading state (ACTIVE, REDUCING or HALTED), running runs and the caller's accounts. */
public record ControlStatus(
        @JsonProperty(value = "user", required = true) String user,
        @JsonProperty(value = "is_admin", required = true) boolean isAdmin,
        @JsonProperty(value = "strategy", required = true) String strategy,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "trading_state", required = true) String tradingState,
        @JsonProperty(value = "account_trading_states", required = true) Map<String, AccountTradingState> accountTradingStates,
        @JsonProperty(value = "running_strategies", required = true) List<String> runningStrategies,
        @JsonProperty(value = "accessible_accounts", required = true) List<Account> accessibleAccounts) {
}
