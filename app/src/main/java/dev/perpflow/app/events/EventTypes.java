package dev.perpflow.app.events;

import dev.perpflow.exchange.model.OrderStatus;
import java.util.Optional;

/**
 * The event types perpflow publishes (docs/EVENTS.md has each one's payload). A strategy run's own events (its event
 * log, {@code GET /strategies/{id}/events}) are published under their own types too: {@code position_opened},
 * {@code position_closed}, {@code liquidation_risk}, {@code funding_payment}, the grid's warnings and the rest.
 */
public final class EventTypes {

    public static final String FUNDING_ROUND_STORED = "funding_round_stored";
    public static final String OPPORTUNITIES_CHANGED = "opportunities_changed";

    public static final String ORDER_SUBMITTED = "order_submitted";
    public static final String ORDER_FILL = "order_fill";
    public static final String ORDER_FILLED = "order_filled";
    public static final String ORDER_CANCELLED = "order_cancelled";
    public static final String ORDER_REJECTED = "order_rejected";
    public static final String ORDER_UNKNOWN = "order_unknown";

    public static final String RUN_STARTED = "run_started";
    public static final String RUN_STOPPING = "run_stopping";
    public static final String RUN_STOPPED = "run_stopped";
    public static final String RUN_ERROR = "run_error";

    public static final String HALT = "halt";
    public static final String RESUME = "resume";
    public static final String REDUCE_ONLY = "reduce_only";

    public static final String EXECUTION_ALERT = "execution_alert";
    public static final String PROXY_ROTATED = "proxy_rotated";

    private EventTypes() {
    }

    /** The event an order's move to {@code status} publishes, if any (orders that start working publish none). */
    public static Optional<String> ofOrderStatus(OrderStatus status) {
        return Optional.ofNullable(switch (status) {
            case FILLED -> ORDER_FILLED;
            case CANCELED -> ORDER_CANCELLED;
            case REJECTED -> ORDER_REJECTED;
            case UNKNOWN -> ORDER_UNKNOWN;
            default -> null;
        });
    }

    /** The event a run's move to {@code status} ({@code running}, {@code stopping}, ...) publishes, if any. */
    public static Optional<String> ofRunStatus(String status) {
        return Optional.ofNullable(switch (status) {
            case "running" -> RUN_STARTED;
            case "stopping" -> RUN_STOPPING;
            case "stopped" -> RUN_STOPPED;
            case "error" -> RUN_ERROR;
            default -> null;
        });
    }
}
