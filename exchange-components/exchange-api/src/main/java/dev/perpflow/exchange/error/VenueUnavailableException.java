package dev.perpflow.exchange.error;

/** The venue could not be reached or answered with a server error before anything was placed. */
public class VenueUnavailableException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public VenueUnavailableException(String venue, String message, Throwable cause) {
        super(venue, message, cause);
    }
}
