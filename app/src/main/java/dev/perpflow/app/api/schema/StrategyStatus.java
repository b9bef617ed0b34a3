package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /strategies/{id}}: a funding-arbitrage run's summary ({@link StrategyRun} keys) or a grid run's full
 * status (cycle, orders, venue position, margin, parameters).
 */
@Schema(description = "GET /strategies/{id}: a funding-arbitrage run's summary (StrategyRun keys) or a grid run's "
        + "full status (cycle, orders, venue position, margin, parameters).")
public record StrategyStatus(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "strategy", required = true)
        @Schema(description = "funding_arbitrage or grid") String strategy,
        @JsonProperty(value = "status", required = true)
        @Schema(description = "The run's status; a grid run that is not running is stopped or inactive") String status,
        @JsonProperty(value = "venue", required = true) String venue,
        @JsonProperty("account_name")
        @Schema(description = "Trading account (owner/name, or default)") String accountName,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("started_by") String startedBy,
        @JsonProperty("last_heartbeat") Instant lastHeartbeat,
        @JsonProperty("error_message")
        @Schema(description = "Why the run ended in error (only for a run in error)") String errorMessage,
        @JsonProperty("cycle_state") String cycleState,
        @JsonProperty("active_orders") Integer activeOrders,
        @JsonProperty("tracked_positions") Integer trackedPositions,
        @JsonProperty("active_close_amount") BigDecimal activeCloseAmount,
        @JsonProperty("last_order_time") Instant lastOrderTime,
        @JsonProperty("paused") Boolean paused,
        @JsonProperty("stopped") Boolean stopped,
        @JsonProperty("position") BigDecimal position,
        @JsonProperty("margin_used") BigDecimal marginUsed,
        @JsonProperty("funding_accrued") BigDecimal fundingAccrued,
        @JsonProperty("margin_limit") Object marginLimit,
        @JsonProperty("parameters") Map<String, Object> parameters) {
}
