package dev.perpflow.exchange.net;

import dev.perpflow.exchange.net.ProxyEvent.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an owner's (account's) current proxy on a schedule with a {@link ProxyProbe}; after
 * {@code failureThreshold} consecutive failures of that proxy it burns it in the {@link ProxySelection}, moves to
 * the next one and tells the {@link Listener} (from, to, reason), which switches the traffic
 * ({@link ProxiedHttpClient#switchTo}) and persists the status. With no proxy left the listener hears an empty
 * {@code to}: the owner must stop trading, never fall back to a direct connection. Every event is logged with
 * masked URLs and handed to {@link Listener#onEvent}.
 *
 * <p>Defaults as the seed: every 30 minutes, rotation after 3 failures. Checks never overlap; listener failures
 * are logged and do not stop the schedule.
 */
public final class ProxyHealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHealthMonitor.class);

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;

    /** Hears rotations (and, optionally, every event). */
    @FunctionalInterface
    public interface Listener {

        /** {@code from} was burned; traffic must move to {@code to}, or stop when {@code to} is empty. */
        void onRotation(ProxyEndpoint from, Optional<ProxyEndpoint> to, String reason);

        /** Every event, already logged (for an audit trail). */
        default void onEvent(ProxyEvent event) {
        }
    }

    private final String owner;
    private final ProxySelection selection;
    private final ProxyProbe probe;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration interval;
    private final int failureThreshold;

    private String checkedLabel;
    private int failures;
    private ScheduledFuture<?> schedule;

    public ProxyHealthMonitor(String owner, ProxySelection selection, ProxyProbe probe, Listener listener,
            ScheduledExecutorService scheduler, Clock clock, Duration interval, int failureThreshold) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
        }
        this.failureThreshold = failureThreshold;
    }

    /** Seed defaults: every 30 minutes, rotation after 3 consecutive failures, system clock. */
    public static ProxyHealthMonitor withDefaults(String owner, ProxySelection selection, ProxyProbe probe,
            Listener listener, ScheduledExecutorService scheduler) {
        return new ProxyHealthMonitor(owner, selection, probe, listener, scheduler, Clock.systemUTC(),
                DEFAULT_INTERVAL, DEFAULT_FAILURE_THRESHOLD);
    }

    /** Checks now, then every interval after the previous check ended. */
    public synchronized void start() {
        if (schedule != null) {
            throw new IllegalStateException("proxy health monitor for " + owner + " already started");
        }
        schedule = scheduler.scheduleWithFixedDelay(this::scheduledCheck, 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Runs one check of the current proxy (rotating if it was the last allowed failure) and returns its event. */
    public synchronized ProxyEvent checkNow() {
        Optional<ProxyEndpoint> current = selection.current();
        if (current.isEmpty()) {
            return publish(event(Type.NO_PROXY, Optional.empty(), Optional.empty(), 0, "nothing to check"));
        }
        ProxyEndpoint proxy = current.get();
        if (!proxy.label().equals(checkedLabel)) {
            checkedLabel = proxy.label();
            failures = 0;
        }
        ProxyProbe.Result result = probeSafely(proxy);
        if (result.healthy()) {
            failures = 0;
            return publish(event(Type.HEALTHY, current, Optional.empty(), 0, result.detail()));
        }
        failures++;
        ProxyEvent failed = publish(event(Type.CHECK_FAILED, current, Optional.empty(), failures, result.detail()));
        if (failures < failureThreshold) {
            return failed;
        }
        String reason = failures + " consecutive health checks failed, last: " + result.detail();
        Optional<ProxyEndpoint> next = selection.rotateAway(proxy.label());
        ProxyEvent rotation = publish(event(next.isPresent() ? Type.ROTATED : Type.EXHAUSTED, current, next,
                failures, reason));
        checkedLabel = next.map(ProxyEndpoint::label).orElse(null);
        failures = 0;
        try {
            listener.onRotation(proxy, next, reason);
        } catch (RuntimeException e) {
            LOG.error("{}: proxy rotation listener failed", owner, e);
        }
        return rotation;
    }

    /** Failed checks in a row of the current proxy. */
    public synchronized int consecutiveFailures() {
        return failures;
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void scheduledCheck() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again
            LOG.error("{}: proxy health check failed unexpectedly", owner, e);
        }
    }

    private ProxyProbe.Result probeSafely(ProxyEndpoint proxy) {
        try {
            return Objects.requireNonNull(probe.probe(proxy), "probe result");
        } catch (RuntimeException e) {
            return ProxyProbe.Result.failed("probe failed: " + e.getClass().getSimpleName());
        }
    }

    private ProxyEvent event(Type type, Optional<ProxyEndpoint> proxy, Optional<ProxyEndpoint> next, int count,
            String detail) {
        return new ProxyEvent(clock.instant(), owner, type, proxy, next, count, detail);
    }

    private ProxyEvent publish(ProxyEvent event) {
        switch (event.type()) {
            case HEALTHY -> LOG.info("{}", event.describe());
            case CHECK_FAILED, ROTATED -> LOG.warn("{}", event.describe());
            case EXHAUSTED, NO_PROXY -> LOG.error("{}", event.describe());
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("{}: proxy event listener failed", owner, e);
        }
        return event;
    }
}
