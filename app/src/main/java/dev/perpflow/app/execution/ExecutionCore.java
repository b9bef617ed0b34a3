package dev.perpflow.app.execution;

import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderJournal;
import dev.perpflow.execution.OrderTracker;
import dev.perpflow.execution.TradingControl;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.risk.RiskGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution core of this run: the order gateway over every enabled venue, one tracker per venue fed by the
 * venue's order stream, and REST reconciliation on the {@code execution-reconcile} route's timer — every tick
 * while a stream is down, at {@code reconcileInterval} while it is up. The first tick after startup reconciles
 * every venue, so orders journaled before a crash are resolved before anything new is sent.
 */
public class ExecutionCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionCore.class);

    private final OrderGateway gateway;
    private final TradingControl control;
    private final Map<String, OrderTracker> trackers;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<String, Instant> lastReconcile = new ConcurrentHashMap<>();
    private final Duration reconcileInterval;
    private final Clock clock;

    public ExecutionCore(Map<String, ExchangeClient> venues, OrderJournal journal, RiskGuard risk,
            Duration reconcileInterval, Clock clock) {
        this.gateway = new OrderGateway(venues, journal, risk, message -> LOG.error("ALERT: {}", message), clock, 5,
                Duration.ofMillis(200));
        this.control = new TradingControl(risk, gateway);
        this.reconcileInterval = reconcileInterval;
        this.clock = clock;
        Map<String, OrderTracker> byVenue = new ConcurrentHashMap<>();
        venues.forEach((name, client) -> {
            if (!client.canTrade()) {
                LOG.info("{} has no trading credentials: its orders are not tracked", name);
                return;
            }
            OrderTracker tracker = new OrderTracker(client, journal, clock);
            byVenue.put(name, tracker);
            subscriptions.add(client.subscribeOrders(tracker));
        });
        this.trackers = Map.copyOf(byVenue);
    }

    public OrderGateway gateway() {
        return gateway;
    }

    public TradingControl control() {
        return control;
    }

    /** Timer step: reconciles every venue whose stream is down or whose last reconciliation is due. */
    public void reconcileDue() {
        Instant now = clock.instant();
        trackers.forEach((venue, tracker) -> {
            Instant last = lastReconcile.get(venue);
            boolean due = last == null || !tracker.isStreamUp()
                    || Duration.between(last, now).compareTo(reconcileInterval) >= 0;
            if (due) {
                try {
                    int checked = tracker.reconcile().get(30, TimeUnit.SECONDS);
                    lastReconcile.put(venue, now);
                    if (checked > 0) {
                        LOG.debug("Reconciled {} open order(s) on {}", checked, venue);
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    LOG.warn("Reconciliation of {} failed: {}", venue, e.getMessage());
                }
            }
        });
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }
}
