package dev.perpflow.exchange.http;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The request budget of one venue client (for example Aster's 2400 request weight per minute), shared by every caller
 * of that client: a token bucket that refills continuously, with a queue in front of it.
 *
 * <p>{@link #acquire} grants weight in priority order: {@link VenueRequest.Priority#CRITICAL} requests (cancels,
 * hedges, rollbacks) before reads and ordinary submits, call order within a priority; a request waits while the
 * budget is short instead of being refused by the venue.
 *
 * <p>When the venue says the budget was exceeded ({@link #limited}: HTTP 429 with its {@code Retry-After}) the budget
 * shrinks: nothing is granted until {@code Retry-After} has passed (critical requests too, unless the venue allows
 * them while limited), the bucket starts empty and the refill rate is halved (down to 1/16); every full period
 * without another limit doubles the rate back until it is whole again. An IP ban (HTTP 418) blocks every request,
 * critical ones included, for the whole {@code Retry-After}.
 *
 * <p>Thread-safe. {@link #reserve} is the older, queue-less form (take now, wait the returned delay).
 */
public final class RateLimiter {

    private static final double MIN_FACTOR = 1.0 / 16;

    private final String name;
    private final long capacity;
    private final long periodNanos;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final Executor delayed;
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(
            Comparator.comparing(Waiter::priority).thenComparingLong(Waiter::sequence));

    private double tokens;
    private long lastRefillNanos;
    private long sequence;
    private double factor = 1.0;
    private long blockedUntilNanos;
    private boolean banned;
    private long recoverAtNanos;
    /** When the next scheduled look at the queue happens; {@code null} when none is scheduled. */
    private Long drainAtNanos;

    private record Waiter(int weight, VenueRequest.Priority priority, boolean passesLimit, long sequence,
            CompletableFuture<Void> granted) {
    }

    private RateLimiter(String name, long capacity, Duration period, LongSupplier nanoClock, Executor delayed) {
        if (capacity <= 0) {
            throw new IllegalArgumentException(name + ": capacity must be positive, was " + capacity);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException(name + ": period must be positive, was " + period);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
        this.tokensPerNano = (double) capacity / period.toNanos();
        this.nanoClock = nanoClock;
        this.delayed = delayed;
        this.tokens = capacity;
        this.lastRefillNanos = nanoClock.getAsLong();
        this.blockedUntilNanos = lastRefillNanos;
    }

    /** A budget of {@code capacity} weight per {@code period}, starting full. */
    public static RateLimiter of(String name, long capacity, Duration period) {
        return new RateLimiter(name, capacity, period, System::nanoTime, null);
    }

    /** As {@link #of} with an explicit clock, for tests: queued grants are looked at when {@link #drain()} is called. */
    static RateLimiter withClock(String name, long capacity, Duration period, LongSupplier nanoClock) {
        return new RateLimiter(name, capacity, period, nanoClock, command -> { });
    }

    /**
     * Takes {@code weight} from the budget and returns how long the caller must wait before sending
     * ({@link Duration#ZERO} when the budget had room). Ignores the queue and the priorities of {@link #acquire}.
     */
    public synchronized Duration reserve(int weight) {
        checkWeight(weight);
        refill();
        tokens -= weight;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / rate()));
    }

    /**
     * Completes when {@code weight} may be spent: at once when the budget has room and nobody of the same or a higher
     * priority is waiting, else when its turn comes. While the venue's {@code Retry-After} runs the grant waits for
     * its end; callers that must not wait that long check {@link #blockedFor} first.
     */
    public CompletableFuture<Void> acquire(int weight, VenueRequest.Priority priority) {
        return acquire(weight, priority, false);
    }

    /**
     * As {@link #acquire(int, VenueRequest.Priority)}; with {@code criticalWhileLimited} a critical request is granted
     * at once while a 429's {@code Retry-After} runs (for venues that allow order-critical calls then), never during
     * an IP ban.
     */
    public CompletableFuture<Void> acquire(int weight, VenueRequest.Priority priority, boolean criticalWhileLimited) {
        checkWeight(weight);
        CompletableFuture<Void> granted = new CompletableFuture<>();
        synchronized (this) {
            waiting.add(new Waiter(weight, priority,
                    criticalWhileLimited && priority == VenueRequest.Priority.CRITICAL, sequence++, granted));
        }
        drain();
        return granted;
    }

    /**
     * The venue answered "too many requests" ({@code ipBan} false, HTTP 429) or banned this IP ({@code ipBan} true,
     * HTTP 418): block for {@code retryAfter} and shrink the budget.
     */
    public synchronized void limited(Duration retryAfter, boolean ipBan) {
        refill();
        long now = nanoClock.getAsLong();
        long until = now + Math.max(0, retryAfter.toNanos());
        boolean wasBlocked = isBlocked(now);
        banned = ipBan || (banned && wasBlocked);
        if (until - blockedUntilNanos > 0 || !wasBlocked) {
            blockedUntilNanos = until;
        }
        factor = Math.max(MIN_FACTOR, factor / 2);
        tokens = Math.min(tokens, 0);
        recoverAtNanos = blockedUntilNanos + periodNanos;
    }

    /**
     * How long a request of this priority would still be held by the venue's {@code Retry-After} ({@code ZERO} when
     * it is not): every request during an IP ban, critical ones during a 429 only when the venue does not allow
     * them ({@code criticalWhileLimited} false).
     */
    public synchronized Duration blockedFor(VenueRequest.Priority priority, boolean criticalWhileLimited) {
        long now = nanoClock.getAsLong();
        if (!isBlocked(now)) {
            return Duration.ZERO;
        }
        if (priority == VenueRequest.Priority.CRITICAL && criticalWhileLimited && !banned) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(blockedUntilNanos - now);
    }

    /** The share of the nominal rate the budget refills at now: 1 normally, less after the venue limited us. */
    public synchronized double rateFactor() {
        refill();
        return factor;
    }

    /** Weight available right now without waiting (negative while earlier reservations are still pending). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    public String name() {
        return name;
    }

    /** Grants every waiter whose turn has come and schedules the next look when one must still wait. */
    void drain() {
        while (true) {
            Waiter next;
            long waitNanos;
            synchronized (this) {
                refill();
                next = waiting.peek();
                while (next != null && next.granted().isDone()) {
                    waiting.poll(); // the caller gave up waiting: nothing to spend
                    next = waiting.peek();
                }
                if (next == null) {
                    return;
                }
                long now = nanoClock.getAsLong();
                if (isBlocked(now) && next.passesLimit() && !banned) {
                    waitNanos = 0; // the venue allows this one while it limits the rest
                } else if (isBlocked(now)) {
                    waitNanos = blockedUntilNanos - now;
                } else {
                    double needed = Math.min(next.weight(), capacity * factor);
                    waitNanos = tokens >= needed ? 0 : (long) Math.ceil((needed - tokens) / rate());
                }
                if (waitNanos <= 0) {
                    waiting.poll();
                    tokens -= next.weight();
                } else {
                    long at = now + waitNanos;
                    if (drainAtNanos == null || at - drainAtNanos < 0) {
                        drainAtNanos = at;
                        schedule(waitNanos);
                    }
                    return;
                }
            }
            next.granted().complete(null);
        }
    }

    private void schedule(long nanos) {
        Executor executor = delayed != null ? delayed
                : CompletableFuture.delayedExecutor(Math.max(1, nanos), TimeUnit.NANOSECONDS);
        executor.execute(() -> {
            synchronized (this) {
                drainAtNanos = null;
            }
            drain();
        });
    }

    private boolean isBlocked(long now) {
        return blockedUntilNanos - now > 0;
    }

    private double rate() {
        return tokensPerNano * factor;
    }

    private void checkWeight(int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException(name + ": weight must be positive, was " + weight);
        }
        if (weight > capacity) {
            throw new IllegalArgumentException(name + ": weight " + weight + " exceeds the whole budget " + capacity);
        }
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        if (isBlocked(now)) {
            lastRefillNanos = now; // nothing accrues while the venue holds us off
            return;
        }
        if (lastRefillNanos - blockedUntilNanos < 0) {
            lastRefillNanos = blockedUntilNanos;
        }
        while (factor < 1.0 && now - recoverAtNanos >= 0) {
            tokens = Math.min(capacity * factor, tokens + (recoverAtNanos - lastRefillNanos) * rate());
            lastRefillNanos = recoverAtNanos;
            factor = Math.min(1.0, factor * 2);
            recoverAtNanos += periodNanos;
        }
        tokens = Math.min(capacity * factor, tokens + (now - lastRefillNanos) * rate());
        lastRefillNanos = now;
    }

    @Override
    public String toString() {
        return "RateLimiter[" + name + ", " + capacity + "]";
    }
}
