package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code GET /limits}: the safety limits on starting runs and the caller's use of them. */
@Schema(description = "GET /limits: the safety limits on starting runs and the caller's use of them.")
public record RunLimits(
        @JsonProperty(value = "daily_start_limit", required = true) int dailyStartLimit,
        @JsonProperty(value = "starts_last_24h", required = true) int startsLast24h,
        @JsonProperty(value = "start_cooldown_seconds", required = true) long startCooldownSeconds,
        @JsonProperty(value = "last_start", required = true) Instant lastStart,
        @JsonProperty(value = "max_error_rate", required = true) BigDecimal maxErrorRate,
        @JsonProperty(value = "error_rate_7d", required = true) BigDecimal errorRate7d,
        @JsonProperty(value = "max_running", required = true) int maxRunning,
        @JsonProperty(value = "running", required = true) int running,
        @JsonProperty(value = "max_running_per_user", required = true) int maxRunningPerUser,
        @JsonProperty(value = "running_of_user", required = true) int runningOfUser,
        @JsonProperty(value = "admin_exempt", required = true)
        @Schema(description = "Admins are not held to these limits") boolean adminExempt) {
}
