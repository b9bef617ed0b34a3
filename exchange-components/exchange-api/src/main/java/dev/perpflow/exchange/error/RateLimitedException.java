package dev.perpflow.exchange.error;

import java.time.Duration;

/** The venue refused the request for exceeding its rate limit (HTTP 429/418); retry after {@link #retryAfter()}. */
public class RateLimitedException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String venue, Duration retryAfter) {
        super(venue, "rate limited, retry after " + retryAfter.toMillis() + " ms");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
