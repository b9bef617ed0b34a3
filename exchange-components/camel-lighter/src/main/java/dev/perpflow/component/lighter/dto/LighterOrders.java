package dev.perpflow.component.lighter.dto;

import java.util.List;

/** {@code accountActiveOrders} / {@code accountInactiveOrders} / {@code accountOrders}: orders, newest first. */
public record LighterOrders(Integer code, String message, String nextCursor, List<LighterOrder> orders) {
}
