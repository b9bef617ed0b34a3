package dev.perpflow.execution;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A journal in memory, with the same rules as the database one; for tests and simulations. */
public final class InMemoryOrderJournal implements OrderJournal {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryOrderJournal.class);

    private final Map<String, JournaledOrder> orders = new LinkedHashMap<>();
    private final Map<String, Fill> fills = new LinkedHashMap<>();

    @Override
    public synchronized JournaledOrder recordIntent(String venue, OrderRequest request, String purpose, Instant at) {
        String key = key(venue, request.clientOrderId());
        if (orders.containsKey(key)) {
            throw new DuplicateClientOrderIdException(venue, request.clientOrderId());
        }
        JournaledOrder order = JournaledOrder.intent(venue, request, purpose, at);
        orders.put(key, order);
        return order;
    }

    @Override
    public synchronized JournaledOrder recordOrder(Order order, Instant at) {
        JournaledOrder current = require(order.venue(), order.clientOrderId());
        JournaledOrder next = current.with(OrderTransitions.next(current.status(), order.status()),
                order.venueOrderId() != null ? order.venueOrderId() : current.venueOrderId(),
                OrderTransitions.nextFilled(current.filledQuantity(), order.filledQuantity()),
                order.averagePrice() != null ? order.averagePrice() : current.averagePrice(),
                order.rejectReason() != null ? order.rejectReason() : current.note(), at);
        orders.put(key(order.venue(), order.clientOrderId()), next);
        return next;
    }

    @Override
    public synchronized JournaledOrder markUnknown(String venue, String clientOrderId, String reason, Instant at) {
        return move(venue, clientOrderId, OrderStatus.UNKNOWN, reason, at);
    }

    @Override
    public synchronized JournaledOrder markRejected(String venue, String clientOrderId, String reason, Instant at) {
        return move(venue, clientOrderId, OrderStatus.REJECTED, reason, at);
    }

    @Override
    public synchronized boolean recordFill(Fill fill) {
        String key = key(fill.venue(), fill.tradeId()) + '|' + FillIdentity.orderRef(fill);
        Fill stored = fills.get(key);
        if (stored == null) {
            fills.put(key, fill);
            return true;
        }
        if (FillIdentity.sameTrade(stored, fill)) {
            return false;
        }
        LOG.error("{} reused trade id {} for another fill of {} (stored {} @ {} at {}, now {} @ {} at {}); both kept",
                fill.venue(), fill.tradeId(), FillIdentity.orderRef(fill), stored.quantity(), stored.price(),
                stored.timestamp(), fill.quantity(), fill.price(), fill.timestamp());
        return fills.putIfAbsent(key + '|' + FillIdentity.disambiguated(fill), fill) == null;
    }

    @Override
    public synchronized JournaledOrder markCancelRequested(String venue, String clientOrderId, Instant at) {
        JournaledOrder marked = require(venue, clientOrderId).withCancelRequested(at);
        orders.put(key(venue, clientOrderId), marked);
        return marked;
    }

    @Override
    public synchronized JournaledOrder markGone(String venue, String clientOrderId, OrderStatus status, String note,
            Instant at) {
        JournaledOrder current = require(venue, clientOrderId);
        if (current.status().isTerminal()) {
            return current;
        }
        JournaledOrder gone = current.with(status, current.venueOrderId(), current.filledQuantity(),
                current.averagePrice(), note, at);
        orders.put(key(venue, clientOrderId), gone);
        return gone;
    }

    @Override
    public synchronized Optional<JournaledOrder> find(String venue, String clientOrderId) {
        return Optional.ofNullable(orders.get(key(venue, clientOrderId)));
    }

    /** Every journaled order, in no particular order (for tests and tools). */
    public synchronized List<JournaledOrder> all() {
        return List.copyOf(orders.values());
    }

    @Override
    public synchronized List<JournaledOrder> unresolved() {
        return orders.values().stream().filter(o -> !o.status().isTerminal()).toList();
    }

    @Override
    public synchronized List<Fill> fills(String venue, String clientOrderId) {
        List<Fill> result = new ArrayList<>();
        for (Fill fill : fills.values()) {
            if (fill.venue().equals(venue) && clientOrderId.equals(fill.clientOrderId())) {
                result.add(fill);
            }
        }
        return result;
    }

    private JournaledOrder move(String venue, String clientOrderId, OrderStatus status, String reason, Instant at) {
        JournaledOrder current = require(venue, clientOrderId);
        OrderStatus next = current.status() == OrderStatus.NEW || current.status() == OrderStatus.UNKNOWN ? status
                : current.status();
        JournaledOrder moved = current.with(next, current.venueOrderId(), current.filledQuantity(),
                current.averagePrice(), reason, at);
        orders.put(key(venue, clientOrderId), moved);
        return moved;
    }

    private JournaledOrder require(String venue, String clientOrderId) {
        JournaledOrder order = orders.get(key(venue, clientOrderId));
        if (order == null) {
            throw new IllegalStateException(venue + ": order " + clientOrderId + " was never journaled");
        }
        return order;
    }

    private static String key(String venue, String id) {
        return venue + '|' + id;
    }
}
