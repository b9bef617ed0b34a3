package dev.perpflow.execution;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The order executor's numbers, the seed's by default: simple limit 1 bp inside the touch for 40 s; aggressive
 * limit 15 attempts / 13 s (3 one tick inside) when opening, 8 / 8 s (2 inside) when closing, at most 5 s per
 * attempt; 99 % counts as filled. {@code confirmTimeout} bounds one venue call (a query, a cancel);
 * {@code submitTimeout} bounds a submit including the gateway's resolution of an unknown outcome.
 */
public record ExecutorSettings(BigDecimal limitOffset, Duration simpleLimitTimeout, Duration pollInterval,
        int openAttempts, Duration openTimeout, int openInsideAttempts, int closeAttempts, Duration closeTimeout,
        int closeInsideAttempts, Duration maxAttemptWait, Duration confirmTimeout, BigDecimal fillThreshold,
        Duration submitTimeout) {

    public static ExecutorSettings seed() {
        return new ExecutorSettings(new BigDecimal("0.0001"), Duration.ofSeconds(40), Duration.ofMillis(200), 15,
                Duration.ofSeconds(13), 3, 8, Duration.ofSeconds(8), 2, Duration.ofSeconds(5), Duration.ofSeconds(10),
                new BigDecimal("0.99"), Duration.ofSeconds(40));
    }

    public ExecutorSettings withTimeouts(Duration simpleLimit, Duration open, Duration close, Duration attemptWait) {
        return new ExecutorSettings(limitOffset, simpleLimit, pollInterval, openAttempts, open, openInsideAttempts,
                closeAttempts, close, closeInsideAttempts, attemptWait, confirmTimeout, fillThreshold, submitTimeout);
    }

    public ExecutorSettings withPollInterval(Duration interval) {
        return new ExecutorSettings(limitOffset, simpleLimitTimeout, interval, openAttempts, openTimeout,
                openInsideAttempts, closeAttempts, closeTimeout, closeInsideAttempts, maxAttemptWait, confirmTimeout,
                fillThreshold, submitTimeout);
    }

    /** How long one venue call and one submit (with its resolution) may take before the execution gives them up. */
    public ExecutorSettings withCallTimeouts(Duration confirm, Duration submit) {
        return new ExecutorSettings(limitOffset, simpleLimitTimeout, pollInterval, openAttempts, openTimeout,
                openInsideAttempts, closeAttempts, closeTimeout, closeInsideAttempts, maxAttemptWait, confirm,
                fillThreshold, submit);
    }
}
