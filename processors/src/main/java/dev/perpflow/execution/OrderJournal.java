package dev.perpflow.execution;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable record of every order and fill. An order is journaled before it is sent, so after a crash every order
 * that may exist at a venue is known by its client order id; fills are unique per (venue, trade id).
 * Implementations: an in-memory one for tests, and the PostgreSQL one in the app.
 */
public interface OrderJournal {

    /**
     * Records the intent to send an order (status NEW). Fails with {@link DuplicateClientOrderIdException} when the
     * id is already journaled: the same order is never sent twice.
     */
    JournaledOrder recordIntent(String venue, OrderRequest request, String purpose, Instant at);

    /** Applies the venue's view of an order through {@link OrderTransitions}; returns the journaled result. */
    JournaledOrder recordOrder(Order order, Instant at);

    /** Marks an order whose submit outcome is not known; it is resolved by query, never by resending. */
    JournaledOrder markUnknown(String venue, String clientOrderId, String reason, Instant at);

    /** Marks an order the venue refused before placing it (rejection, rate limit). */
    JournaledOrder markRejected(String venue, String clientOrderId, String reason, Instant at);

    /** Records a fill once; returns {@code false} when this (venue, trade id) was already recorded. */
    boolean recordFill(Fill fill);

    Optional<JournaledOrder> find(String venue, String clientOrderId);

    /** Orders that may still change at the venue: NEW, UNKNOWN, OPEN, PARTIALLY_FILLED. */
    List<JournaledOrder> unresolved();

    List<Fill> fills(String venue, String clientOrderId);
}
