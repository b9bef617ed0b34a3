package dev.perpflow.exchange.error;

/** Credentials are missing, wrong or expired, or the signature did not verify. */
public class AuthenticationException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String venue, String message) {
        super(venue, message);
    }
}
