package dev.perpflow.exchange.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions a stream sent on its current connection that the venue has yet to confirm. One left unconfirmed
 * after the timeout makes the connection connect again, which subscribes again (and, for a {@link UserStream}, catches
 * up by REST): a lost subscription would otherwise leave the stream connected but silent for its events. Venues whose
 * subscribe answers name the subscription use it (Hyperliquid's {@code subscriptionResponse}, GRVT's JSON-RPC result).
 */
public final class SubscriptionConfirmations {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionConfirmations.class);

    private final String name;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();

    public SubscriptionConfirmations(String name, Duration timeout, ScheduledExecutorService scheduler) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Expects {@code subscriptions}, about to be sent on a new {@code connection}, confirmed within the timeout. */
    public void expect(StreamConnection connection, Collection<String> subscriptions) {
        long current = connections.incrementAndGet();
        pending.clear();
        pending.addAll(subscriptions);
        scheduler.schedule(() -> {
            if (connections.get() == current && !pending.isEmpty() && connection.isConnected()) {
                LOG.warn("{}: the venue did not confirm {} within {} s, reconnecting", name, Set.copyOf(pending),
                        timeout.toSeconds());
                connection.reconnect("subscriptions not confirmed");
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The venue confirmed {@code subscription}. */
    public void confirmed(String subscription) {
        pending.remove(subscription);
    }
}
