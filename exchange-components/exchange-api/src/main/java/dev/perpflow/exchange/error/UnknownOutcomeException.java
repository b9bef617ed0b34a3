package dev.perpflow.exchange.error;

/**
 * A request was sent but its outcome is not known (timeout, connection reset, 5xx after sending). For an order
 * the venue may or may not have it: resolve by querying the client order id; never submit again.
 */
public class UnknownOutcomeException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final String clientOrderId;

    public UnknownOutcomeException(String venue, String clientOrderId, String message, Throwable cause) {
        super(venue, "outcome of " + clientOrderId + " unknown: " + message, cause);
        this.clientOrderId = clientOrderId;
    }

    public String clientOrderId() {
        return clientOrderId;
    }
}
