package dev.perpflow.execution;

/** A client order id was journaled before: sending it again could double an order, so it is refused. */
public class DuplicateClientOrderIdException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DuplicateClientOrderIdException(String venue, String clientOrderId) {
        super(venue + ": client order id " + clientOrderId + " is already journaled; it is never sent twice");
    }
}
