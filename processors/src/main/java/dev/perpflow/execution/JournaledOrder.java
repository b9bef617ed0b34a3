package dev.perpflow.execution;

import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as the journal knows it: written with status NEW before it is sent, then updated from acks, stream
 * events and queries.
 *
 * @param purpose why the order exists (e.g. {@code entry-long}, {@code hedge}, {@code rollback}), for audits
 * @param note    last reject reason or why the outcome is unknown, else {@code null}
 * @param cancelRequested an execution gave the order up: whenever the venue shows it working, it is cancelled
 */
public record JournaledOrder(
        String venue,
        OrderRequest request,
        String purpose,
        OrderStatus status,
        String venueOrderId,
        BigDecimal filledQuantity,
        BigDecimal averagePrice,
        String note,
        Instant createdAt,
        Instant updatedAt,
        boolean cancelRequested) {

    public JournaledOrder {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
    }

    public String clientOrderId() {
        return request.clientOrderId();
    }

    public static JournaledOrder intent(String venue, OrderRequest request, String purpose, Instant at) {
        return new JournaledOrder(venue, request, purpose, OrderStatus.NEW, null, BigDecimal.ZERO, null, null, at, at,
                false);
    }

    public JournaledOrder with(OrderStatus newStatus, String newVenueOrderId, BigDecimal filled, BigDecimal average,
            String newNote, Instant at) {
        return new JournaledOrder(venue, request, purpose, newStatus, newVenueOrderId, filled, average, newNote,
                createdAt, at, cancelRequested);
    }

    public JournaledOrder withCancelRequested(Instant at) {
        return new JournaledOrder(venue, request, purpose, status, venueOrderId, filledQuantity, averagePrice, note,
                createdAt, at, true);
    }
}
