package dev.perpflow.grid;

import java.time.Instant;
import java.util.Map;

/**
 * Something a grid run did or saw, with the seed's event names ({@code position_tracked}, {@code margin_cap_hit},
 * {@code stop_price_triggered}, ...). WARNING and ERROR events become notifications.
 */
public record GridEvent(Instant time, String type, Level level, String message, Map<String, Object> details) {

    /** Severity of an event. */
    public enum Level { INFO, WARNING, ERROR }

    public GridEvent {
        details = Map.copyOf(details);
    }
}
