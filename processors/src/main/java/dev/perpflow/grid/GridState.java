package dev.perpflow.grid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything a grid run must remember across restarts, as an immutable snapshot the engine replaces after every
 * change (and the app persists).
 *
 * @param pendingEntryId client order id of the working entry while {@code cycle} is WAITING_FOR_FILL
 */
public record GridState(
        GridCycle cycle,
        List<TrackedPosition> tracked,
        String pendingPositionId,
        String pendingEntryId,
        Instant pendingSince,
        int positionSequence,
        Instant lastEntryAt,
        int lastActiveCloses,
        Instant lastStopLossAt,
        boolean paused,
        boolean stopped) {

    /** READY to place an entry, or WAITING_FOR_FILL of the pending one. */
    public enum GridCycle { READY, WAITING_FOR_FILL }

    public GridState {
        tracked = List.copyOf(tracked);
    }

    public static GridState initial() {
        return new GridState(GridCycle.READY, List.of(), null, null, null, 0, null, 0, null, false, false);
    }

    public BigDecimal trackedSize() {
        return tracked.stream().map(TrackedPosition::size).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Nothing on the venue is the grid's: no tracked position and no working entry. */
    public boolean holdsNothing() {
        return tracked.isEmpty() && cycle == GridCycle.READY;
    }

    GridState with(GridCycle newCycle, List<TrackedPosition> newTracked, String newPendingPosition, String newPendingId,
            Instant newPendingSince, int newSequence, Instant newLastEntry, int newLastActive, Instant newLastStopLoss,
            boolean newPaused, boolean newStopped) {
        return new GridState(newCycle, newTracked, newPendingPosition, newPendingId, newPendingSince, newSequence,
                newLastEntry, newLastActive, newLastStopLoss, newPaused, newStopped);
    }

    GridState ready() {
        return with(GridCycle.READY, tracked, null, null, null, positionSequence, lastEntryAt, lastActiveCloses,
                lastStopLossAt, paused, stopped);
    }

    GridState tracked(List<TrackedPosition> newTracked) {
        return with(cycle, newTracked, pendingPositionId, pendingEntryId, pendingSince, positionSequence, lastEntryAt,
                lastActiveCloses, lastStopLossAt, paused, stopped);
    }
}
