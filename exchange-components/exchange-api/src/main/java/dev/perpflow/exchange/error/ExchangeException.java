package dev.perpflow.exchange.error;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Base of the typed venue errors; carries the venue so a message always says where it happened. */
public class ExchangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String venue;

    public ExchangeException(String venue, String message) {
        this(venue, message, null);
    }

    public ExchangeException(String venue, String message, Throwable cause) {
        super(venue + ": " + message, cause);
        this.venue = venue;
    }

    public String venue() {
        return venue;
    }

    /** Strips {@link CompletionException}/{@link ExecutionException} wrappers added by futures. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
