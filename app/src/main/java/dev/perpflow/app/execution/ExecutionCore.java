package dev.perpflow.app.execution;

import dev.perpflow.execution.Alerts;
import dev.perpflow.execution.OrderAcks;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.OrderJournal;
import dev.perpflow.execution.OrderTracker;
import dev.perpflow.execution.OrderUpdates;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution core of one account: the order gateway over the account's venues, one tracker per venue fed by the
 * venue's private stream (its reports reach waiting executors at once and the journal on a writer thread of their
 * own), and REST reconciliation on the {@code execution-reconcile} route's timer — every tick while a stream is
 * down, at {@code reconcileInterval} while it is up. The first tick after startup reconciles every venue, so orders
 * journaled before a crash are resolved before anything new is sent.
 */
public class ExecutionCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionCore.class);
    /** An order the venue does not know this long after it was journaled is taken as gone (see OrderTracker). */
    static final Duration GONE_AFTER = Duration.ofMinutes(2);

    private final String account;
    private final Alerts alerts;
    private final OrderGateway gateway;
    private final Map<String, OrderTracker> trackers;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<String, Instant> lastReconcile = new ConcurrentHashMap<>();
    private final ExecutorService journalWriter;
    private final Duration reconcileInterval;
    private final Clock clock;

    public ExecutionCore(String account, Map<String, ExchangeClient> venues, OrderJournal journal, RiskGuard risk,
            Alerts alerts, Duration reconcileInterval, Clock clock) {
        this(account, venues, journal, risk, alerts, reconcileInterval, clock, OrderAcks.NONE);
    }

    /** @param acks told how long each venue took to answer a submit (the app's metrics) */
    public ExecutionCore(String account, Map<String, ExchangeClient> venues, OrderJournal journal, RiskGuard risk,
            Alerts alerts, Duration reconcileInterval, Clock clock, OrderAcks acks) {
        this.account = account;
        this.alerts = alerts;
        OrderUpdates updates = new OrderUpdates();
        this.journalWriter = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "journal-" + account);
            thread.setDaemon(true);
            return thread;
        });
        this.gateway = new OrderGateway(account, venues, journal, risk, alerts, clock, updates, 5,
                Duration.ofMillis(200), journalWriter, acks);
        this.reconcileInterval = reconcileInterval;
        this.clock = clock;
        Map<String, OrderTracker> byVenue = new ConcurrentHashMap<>();
        venues.forEach((name, client) -> {
            if (!client.canTrade()) {
                LOG.info("{} has no trading credentials for account {}: its orders are not tracked", name, account);
                return;
            }
            OrderTracker tracker = new OrderTracker(client, gateway, updates, journalWriter, clock, GONE_AFTER);
            byVenue.put(name, tracker);
            subscriptions.add(client.subscribeOrders(tracker));
        });
        this.trackers = Map.copyOf(byVenue);
    }

    /** A core whose alerts only go to the log. */
    public ExecutionCore(String account, Map<String, ExchangeClient> venues, OrderJournal journal, RiskGuard risk,
            Duration reconcileInterval, Clock clock) {
        this(account, venues, journal, risk, message -> LOG.error("ALERT: {}", message), reconcileInterval, clock);
    }

    public String account() {
        return account;
    }

    public OrderGateway gateway() {
        return gateway;
    }

    /** Whether each tracked venue's private order stream is connected now, by venue (venues it trades on). */
    public Map<String, Boolean> orderStreamsUp() {
        Map<String, Boolean> up = new java.util.TreeMap<>();
        trackers.forEach((venue, tracker) -> up.put(venue, tracker.isStreamUp()));
        return up;
    }

    /** Timer step: reconciles every venue whose stream is down or whose last reconciliation is due. */
    public void reconcileDue() {
        if (alerts instanceof ExecutionAlerts stored) {
            stored.flush();    // alerts the database could not take before
        }
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
                        LOG.debug("Reconciled {} open order(s) of {} on {}", checked, account, venue);
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    LOG.warn("Reconciliation of {} on {} failed: {}", account, venue, e.getMessage());
                }
            }
        });
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        journalWriter.shutdown();
        try {
            if (!journalWriter.awaitTermination(5, TimeUnit.SECONDS)) {
                journalWriter.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
