package dev.perpflow.exchange.error;

/** The account lacks the margin for an order; nothing was placed. */
public class InsufficientMarginException extends OrderRejectedException {

    private static final long serialVersionUID = 1L;

    public InsufficientMarginException(String venue, String clientOrderId, String reason) {
        super(venue, clientOrderId, "insufficient margin: " + reason);
    }
}
