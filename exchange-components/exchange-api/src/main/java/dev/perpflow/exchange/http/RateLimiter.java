package dev.perpflow.exchange.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A named request budget of one venue (for example Aster's 2400 request weight per minute), as a token bucket
 * that refills continuously. Clients {@link #reserve(int) reserve} the weight of a request before sending it and
 * wait the returned delay, so a burst is spread out instead of being refused by the venue.
 *
 * <p>Thread-safe. Reservations are granted in call order; a reservation may drive the bucket negative, which
 * makes later callers wait longer (the budget is never overspent).
 */
public final class RateLimiter {

    private final String name;
    private final long capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;

    private double tokens;
    private long lastRefillNanos;

    private RateLimiter(String name, long capacity, Duration period, LongSupplier nanoClock) {
        if (capacity <= 0) {
            throw new IllegalArgumentException(name + ": capacity must be positive, was " + capacity);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException(name + ": period must be positive, was " + period);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / period.toNanos();
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.lastRefillNanos = nanoClock.getAsLong();
    }

    /** A budget of {@code capacity} weight per {@code period}, starting full. */
    public static RateLimiter of(String name, long capacity, Duration period) {
        return new RateLimiter(name, capacity, period, System::nanoTime);
    }

    /** As {@link #of} with an explicit clock, for tests. */
    static RateLimiter withClock(String name, long capacity, Duration period, LongSupplier nanoClock) {
        return new RateLimiter(name, capacity, period, nanoClock);
    }

    /**
     * Takes {@code weight} from the budget and returns how long the caller must wait before sending
     * ({@link Duration#ZERO} when the budget had room).
     */
    public synchronized Duration reserve(int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException(name + ": weight must be positive, was " + weight);
        }
        if (weight > capacity) {
            throw new IllegalArgumentException(name + ": weight " + weight + " exceeds the whole budget " + capacity);
        }
        refill();
        tokens -= weight;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / tokensPerNano));
    }

    /** Weight available right now without waiting (negative while earlier reservations are still pending). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    public String name() {
        return name;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefillNanos) * tokensPerNano);
        lastRefillNanos = now;
    }

    @Override
    public String toString() {
        return "RateLimiter[" + name + ", " + capacity + "]";
    }
}
