package dev.perpflow.exchange.http;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each venue answered "rate limited" (HTTP 429/418, or a venue error code its decoder maps to
 * {@link dev.perpflow.exchange.error.RateLimitedException}) in this JVM, counted where the answer is read: in
 * {@link VenueHttpClient} for the real venues, in the simulated venue for the limits it plays. Requests perpflow holds
 * back itself (its own budget, a {@code Retry-After} still running) are not counted: only the venue's answers are.
 *
 * <p>A JVM-wide tally rather than an injected listener because venue clients are built inside each venue's
 * component (seven of them, per account too) and the count is a fact of the process, like its JVM metrics; the app
 * exports it as {@code perpflow_rate_limited_total{venue}}.
 */
public final class VenueRateLimits {

    private static final Map<String, LongAdder> ANSWERS = new ConcurrentHashMap<>();

    private VenueRateLimits() {
    }

    /** Counts one rate-limit answer of {@code venue}. */
    public static void answered(String venue) {
        ANSWERS.computeIfAbsent(Objects.requireNonNull(venue, "venue"), v -> new LongAdder()).increment();
    }

    /** Rate-limit answers of {@code venue} since the JVM started. */
    public static long count(String venue) {
        LongAdder answers = ANSWERS.get(venue);
        return answers == null ? 0 : answers.sum();
    }
}
