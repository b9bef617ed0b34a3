package dev.perpflow.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed API-key attempts per source (a client address, a Telegram user): after {@code limit} failures within
 * {@code window} the source is refused further attempts until the oldest of them leaves the window. Only failures
 * count. The table is bounded: the least recently seen sources are forgotten first.
 */
public final class FailedAttempts {

    private static final int MAX_SOURCES = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final LinkedHashMap<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    public FailedAttempts(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code source} must wait before its next attempt; empty when it may try now. */
    public synchronized Optional<Duration> blockedFor(String source) {
        Deque<Instant> recent = recent(source);
        if (recent == null || recent.size() < limit) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), recent.peekFirst().plus(window));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    public synchronized void failed(String source) {
        Deque<Instant> recent = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
        recent.addLast(clock.instant());
        while (recent.size() > limit) {
            recent.removeFirst();
        }
    }

    /** Failures of {@code source} still inside the window (the older ones are dropped). */
    public synchronized int count(String source) {
        Deque<Instant> recent = recent(source);
        return recent == null ? 0 : recent.size();
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    private Deque<Instant> recent(String source) {
        Deque<Instant> recent = failures.get(source);
        if (recent == null) {
            return null;
        }
        Instant since = clock.instant().minus(window);
        for (Iterator<Instant> it = recent.iterator(); it.hasNext();) {
            if (it.next().isBefore(since)) {
                it.remove();
            }
        }
        if (recent.isEmpty()) {
            failures.remove(source);
            return null;
        }
        return recent;
    }
}
