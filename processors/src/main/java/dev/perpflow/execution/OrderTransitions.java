package dev.perpflow.execution;

import dev.perpflow.exchange.model.OrderStatus;
import java.math.BigDecimal;

/**
 * The order state machine: which reported status an order may move to. Terminal states never change; a working
 * order never goes back to NEW or OPEN once partly filled; UNKNOWN (a submit whose outcome is not known) is left
 * by whatever the venue reports next. Reports arrive duplicated and out of order, so a stale report is ignored
 * rather than rejected.
 */
public final class OrderTransitions {

    private OrderTransitions() {
    }

    /** The status after a report of {@code reported} on an order in {@code current}. */
    public static OrderStatus next(OrderStatus current, OrderStatus reported) {
        if (current.isTerminal() || reported == OrderStatus.UNKNOWN && current != OrderStatus.NEW) {
            return current;
        }
        return rank(reported) >= rank(current) || current == OrderStatus.UNKNOWN ? reported : current;
    }

    /** Filled quantity only grows: a stale report never undoes a fill already recorded. */
    public static BigDecimal nextFilled(BigDecimal current, BigDecimal reported) {
        return reported.compareTo(current) > 0 ? reported : current;
    }

    private static int rank(OrderStatus status) {
        return switch (status) {
            case NEW, UNKNOWN -> 0;
            case OPEN -> 1;
            case PARTIALLY_FILLED -> 2;
            case FILLED, CANCELED, REJECTED -> 3;
        };
    }
}
