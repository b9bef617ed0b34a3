package dev.perpflow.app.events;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.execution.JournaledOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The events of the order journal: an order submitted, a fill, an order that ended or whose outcome is unknown. */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** Journaled before it is sent: {@code order_submitted}. */
    public static DomainEvent submitted(String account, JournaledOrder order) {
        return new DomainEvent(EventTypes.ORDER_SUBMITTED, DomainEvent.Level.INFO, order.createdAt(), account, null,
                describe(order));
    }

    /** The order moved to a status that publishes an event ({@link EventTypes#ofOrderStatus}), if it is one. */
    public static Optional<DomainEvent> statusChanged(String account, JournaledOrder order) {
        return EventTypes.ofOrderStatus(order.status()).map(type -> new DomainEvent(type,
                type.equals(EventTypes.ORDER_UNKNOWN) ? DomainEvent.Level.WARNING : DomainEvent.Level.INFO,
                order.updatedAt(), account, null, describe(order)));
    }

    /** One fill of an order, under the trade id it is journaled with. */
    public static DomainEvent fill(String account, Fill fill, String tradeId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("venue", fill.venue());
        payload.put("trade_id", tradeId);
        payload.put("client_order_id", fill.clientOrderId());
        payload.put("venue_order_id", fill.venueOrderId());
        payload.put("symbol", fill.symbol());
        payload.put("side", fill.side().name());
        payload.put("price", fill.price());
        payload.put("quantity", fill.quantity());
        payload.put("fee", fill.fee());
        payload.put("fee_currency", fill.feeCurrency());
        payload.put("liquidity", fill.liquidity().name());
        return new DomainEvent(EventTypes.ORDER_FILL, DomainEvent.Level.INFO, fill.timestamp(), account, null, payload);
    }

    private static Map<String, Object> describe(JournaledOrder order) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("venue", order.venue());
        payload.put("client_order_id", order.request().clientOrderId());
        payload.put("venue_order_id", order.venueOrderId());
        payload.put("symbol", order.request().symbol());
        payload.put("side", order.request().side().name());
        payload.put("order_type", order.request().type().name());
        payload.put("quantity", order.request().quantity());
        payload.put("price", order.request().price());
        payload.put("reduce_only", order.request().reduceOnly());
        payload.put("purpose", order.purpose());
        payload.put("status", order.status().name());
        payload.put("filled_quantity", order.filledQuantity());
        payload.put("average_price", order.averagePrice());
        payload.put("note", order.note());
        return payload;
    }
}
