package dev.perpflow.execution;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable record of every order and fill. An order is journaled before it is sent, so after a crash every order
 * that may exist at a venue is known by its client order id; a fill is recorded once (see {@link #recordFill}).
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

    /**
     * Records a fill once; returns {@code false} when it was already recorded. A fill is identified by its trade id
     * within its order (a venue's trade ids are only unique within what the venue promises, e.g. not across a
     * venue's own restart): a trade id seen again for the same order with a different price, quantity or time is a
     * reused id, recorded as a fill of its own and logged loudly, never dropped.
     */
    boolean recordFill(Fill fill);

    /**
     * Marks an order an execution gave up on (its cancel could not be confirmed, or the submit's outcome is still
     * unknown): whoever sees it working at the venue later (stream, reconciliation) cancels it.
     */
    JournaledOrder markCancelRequested(String venue, String clientOrderId, Instant at);

    /**
     * Ends an order the venue no longer knows: {@code status} is CANCELED (it was working) or REJECTED (it never
     * reached the venue), with a note saying so.
     */
    JournaledOrder markGone(String venue, String clientOrderId, OrderStatus status, String note, Instant at);

    Optional<JournaledOrder> find(String venue, String clientOrderId);

    /** Orders that may still change at the venue: NEW, UNKNOWN, OPEN, PARTIALLY_FILLED. */
    List<JournaledOrder> unresolved();

    List<Fill> fills(String venue, String clientOrderId);
}
