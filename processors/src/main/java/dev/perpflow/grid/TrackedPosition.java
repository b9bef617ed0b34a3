package dev.perpflow.grid;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One filled grid entry waiting for its take-profit close.
 *
 * @param closeClientOrderId the working close order, or {@code null} while none is placed
 * @param closeAttempts      how many close orders were placed for it (the first, then reposts)
 */
public record TrackedPosition(String positionId, BigDecimal entryPrice, BigDecimal size, BigDecimal closePrice,
        Instant openedAt, String closeClientOrderId, int closeAttempts) {

    public TrackedPosition withClose(String clientOrderId, int attempts) {
        return new TrackedPosition(positionId, entryPrice, size, closePrice, openedAt, clientOrderId, attempts);
    }
}
