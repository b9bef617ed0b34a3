package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** What a close did; {@code spread_pct} with a wide-spread warning, the exit and PnL once closed. */
@Schema(description = "What a close did; spread_pct with a wide-spread warning, the exit and PnL once closed.")
public record ClosePositionResult(
        @JsonProperty(value = "success", required = true)
        @Schema(description = "Whether the position was closed") boolean success,
        @JsonProperty(value = "position_id", required = true) String positionId,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty("wide_spread_warning") Boolean wideSpreadWarning,
        @JsonProperty("spread_pct") BigDecimal spreadPct,
        @JsonProperty("exit_reason") String exitReason,
        @JsonProperty("pnl_usd") BigDecimal pnlUsd,
        @JsonProperty("note") String note) {
}
