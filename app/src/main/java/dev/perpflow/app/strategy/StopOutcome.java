package dev.perpflow.app.strategy;

import dev.perpflow.fundingarb.ArbPosition;
import java.util.List;

/**
 * What a stop did: the run's status afterwards ({@code stopped}, or {@code stopping} while it still holds positions
 * it keeps watching and closing until flat), how many positions it closed now, those still held, and whether the
 * run was already stopped (then nothing changed).
 */
public record StopOutcome(String status, int closed, List<ArbPosition> remaining, boolean alreadyStopped) {

    public StopOutcome {
        remaining = List.copyOf(remaining);
    }

    /** A run with nothing to close, now stopped. */
    public static StopOutcome stopped(int closed) {
        return new StopOutcome("stopped", closed, List.of(), false);
    }

    /** A run that was stopped before this stop. */
    public static StopOutcome wasAlreadyStopped() {
        return new StopOutcome("stopped", 0, List.of(), true);
    }
}
