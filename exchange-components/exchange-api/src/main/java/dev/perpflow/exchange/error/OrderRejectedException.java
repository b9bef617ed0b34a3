package dev.perpflow.exchange.error;

/** The venue definitively refused an order; nothing was placed. */
public class OrderRejectedException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final String clientOrderId;
    private final String reason;

    public OrderRejectedException(String venue, String clientOrderId, String reason) {
        super(venue, "order " + clientOrderId + " rejected: " + reason);
        this.clientOrderId = clientOrderId;
        this.reason = reason;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public String reason() {
        return reason;
    }
}
