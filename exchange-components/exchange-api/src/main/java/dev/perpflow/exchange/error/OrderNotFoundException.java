package dev.perpflow.exchange.error;

/** The venue has no order with the given client order id. */
public class OrderNotFoundException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final String clientOrderId;

    public OrderNotFoundException(String venue, String clientOrderId) {
        super(venue, "no order with client id " + clientOrderId);
        this.clientOrderId = clientOrderId;
    }

    public String clientOrderId() {
        return clientOrderId;
    }
}
