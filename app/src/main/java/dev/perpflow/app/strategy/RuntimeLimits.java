package dev.perpflow.app.strategy;

import dev.perpflow.app.config.PropertyReader;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The seed's safety limits on starting strategy runs: starts per 24 h per user, the cooldown between two starts of
 * a user, the highest share of a user's runs of the last 7 days that ended in error, runs at once in total and per
 * user. Read from {@code perpflow.runtime.*}.
 */
public record RuntimeLimits(int dailyStarts, Duration cooldown, BigDecimal maxErrorRate, int maxRunning,
        int maxRunningPerUser) {

    public static RuntimeLimits read(PropertyReader properties) {
        return new RuntimeLimits(
                properties.integer("perpflow.runtime.daily-start-limit", 10, 1, 10_000),
                properties.seconds("perpflow.runtime.start-cooldown-seconds", Duration.ofMinutes(5), 0),
                properties.decimal("perpflow.runtime.max-error-rate", new BigDecimal("0.5")),
                properties.integer("perpflow.runtime.max-running", 15, 1, 1_000),
                properties.integer("perpflow.runtime.max-running-per-user", 3, 1, 1_000));
    }

    public static RuntimeLimits seed() {
        return new RuntimeLimits(10, Duration.ofMinutes(5), new BigDecimal("0.5"), 15, 3);
    }
}
