package dev.perpflow.app.strategy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Counts a run's consecutive failed ticks; the {@value #CRASH_AFTER}th in a row means the run has crashed (its venue
 * or its state is broken in a way retrying does not fix): the listener puts it in {@code error} with the reason,
 * and the other runs go on.
 */
public final class RunFailures {

    public static final int CRASH_AFTER = 5;

    private final Map<String, Integer> consecutive = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, String> onCrash = (runId, reason) -> { };

    public void onCrash(BiConsumer<String, String> listener) {
        this.onCrash = listener;
    }

    public void succeeded(String runId) {
        consecutive.remove(runId);
    }

    /** Records a failed tick; returns true when this one crashed the run. */
    public boolean failed(String runId, String reason) {
        int count = consecutive.merge(runId, 1, Integer::sum);
        if (count < CRASH_AFTER) {
            return false;
        }
        consecutive.remove(runId);
        onCrash.accept(runId, CRASH_AFTER + " ticks in a row failed, the last with: " + reason);
        return true;
    }

    public void forget(String runId) {
        consecutive.remove(runId);
    }
}
