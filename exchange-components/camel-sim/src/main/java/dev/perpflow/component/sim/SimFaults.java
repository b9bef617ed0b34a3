package dev.perpflow.component.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults to inject into a {@link SimExchangeClient}, each counted down as it fires. Thread-safe: tests arm them
 * while the client is in use.
 */
public final class SimFaults {

    private final AtomicInteger rejectNext = new AtomicInteger();
    private final AtomicInteger acceptThenTimeoutNext = new AtomicInteger();
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private final AtomicReference<Duration> retryAfter = new AtomicReference<>(Duration.ofSeconds(1));
    private final AtomicInteger failNextRequests = new AtomicInteger();
    private final AtomicBoolean hangPublicData = new AtomicBoolean();
    private final Map<SimOperation, Aimed> aimed = new EnumMap<>(SimOperation.class);
    private final AtomicReference<Instant> rateLimitedUntil = new AtomicReference<>(Instant.MIN);

    /** What an aimed fault does to the call it hits. */
    public enum Fault {
        /** refused with 429 and the configured Retry-After; nothing happens at the venue */
        RATE_LIMITED,
        /** the venue cannot be reached; nothing happens at the venue */
        UNAVAILABLE,
        /** the call never answers (a caller's own timeout decides); nothing happens at the venue */
        HANG,
        /** for submits: the venue places the order, but its answer never arrives */
        ACCEPT_THEN_HANG,
        /** refused as unauthenticated (a revoked or wrong API key, HTTP 401); nothing happens at the venue */
        CREDENTIALS_REFUSED
    }

    private record Aimed(Fault fault, int skip, int remaining) {
    }

    /** The next {@code n} calls of {@code operation} fail with {@code fault}; other calls are not affected. */
    public SimFaults failNext(SimOperation operation, int n, Fault fault) {
        return failAfter(operation, 0, n, fault);
    }

    /** After {@code skip} more calls of {@code operation} succeed, the {@code n} calls after them fail with {@code fault}. */
    public SimFaults failAfter(SimOperation operation, int skip, int n, Fault fault) {
        synchronized (aimed) {
            aimed.put(operation, new Aimed(fault, skip, n));
        }
        return this;
    }

    /**
     * A rate-limit storm: every request until {@code until} (in the venue's clock) is refused with 429 and
     * {@code after} as its Retry-After; nothing is placed.
     */
    public SimFaults rateLimitUntil(Instant until, Duration after) {
        retryAfter.set(after);
        rateLimitedUntil.set(until);
        return this;
    }

    /** The next {@code n} submits are rejected; nothing is placed. */
    public SimFaults rejectNext(int n) {
        rejectNext.set(n);
        return this;
    }

    /** The next {@code n} submits are placed, but their futures fail with an unknown outcome. */
    public SimFaults acceptThenTimeoutNext(int n) {
        acceptThenTimeoutNext.set(n);
        return this;
    }

    /** The next {@code n} requests of any kind are refused as rate limited; nothing is placed. */
    public SimFaults rateLimitNext(int n, Duration after) {
        retryAfter.set(after);
        rateLimitNext.set(n);
        return this;
    }

    /** The next {@code n} requests of any kind fail as if the venue were unreachable. */
    public SimFaults failNextRequests(int n) {
        failNextRequests.set(n);
        return this;
    }

    /** While set, funding rates and market stats never answer. */
    public SimFaults hangPublicData(boolean hang) {
        hangPublicData.set(hang);
        return this;
    }

    public SimFaults clear() {
        rejectNext.set(0);
        acceptThenTimeoutNext.set(0);
        rateLimitNext.set(0);
        failNextRequests.set(0);
        hangPublicData.set(false);
        rateLimitedUntil.set(Instant.MIN);
        synchronized (aimed) {
            aimed.clear();
        }
        return this;
    }

    /** The fault aimed at this call of {@code operation}, counted down, or {@code null}. */
    Fault takeAimed(SimOperation operation) {
        synchronized (aimed) {
            Aimed next = aimed.get(operation);
            if (next == null || next.remaining() <= 0) {
                return null;
            }
            if (next.skip() > 0) {
                aimed.put(operation, new Aimed(next.fault(), next.skip() - 1, next.remaining()));
                return null;
            }
            aimed.put(operation, new Aimed(next.fault(), 0, next.remaining() - 1));
            return next.fault();
        }
    }

    boolean inRateLimitStorm(Instant now) {
        return now.isBefore(rateLimitedUntil.get());
    }

    boolean takeReject() {
        return take(rejectNext);
    }

    boolean takeAcceptThenTimeout() {
        return take(acceptThenTimeoutNext);
    }

    boolean takeRateLimit() {
        return take(rateLimitNext);
    }

    Duration retryAfter() {
        return retryAfter.get();
    }

    boolean takeFailure() {
        return take(failNextRequests);
    }

    boolean publicDataHangs() {
        return hangPublicData.get();
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
