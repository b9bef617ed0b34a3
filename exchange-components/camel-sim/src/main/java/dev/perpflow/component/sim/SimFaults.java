package dev.perpflow.component.sim;

import java.time.Duration;
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
        return this;
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
