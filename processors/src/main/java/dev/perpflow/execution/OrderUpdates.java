package dev.perpflow.execution;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Order reports pushed by the venues' private streams, handed to the executors that wait on their own orders (the
 * way NautilusTrader's execution clients feed the engine): an executor {@link #watch watches} a client order id
 * before it sends the order, then waits for the stream instead of polling the venue. Reports of orders nobody
 * watches are dropped here (the {@link OrderTracker} journals every report). Whether a venue's stream is
 * {@link #isLive live} decides whether an executor may rely on it or must query by REST.
 */
public final class OrderUpdates {

    private final Map<String, Boolean> live = new ConcurrentHashMap<>();
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    /** Updates without any stream: every executor polls (tests, and venues without a private stream). */
    public static OrderUpdates none() {
        return new OrderUpdates();
    }

    /** Starts watching an order; call before sending it so no report can be missed. */
    public Watch watch(String venue, String clientOrderId) {
        Watch watch = new Watch(key(venue, clientOrderId));
        watches.put(watch.key, watch);
        return watch;
    }

    /** A report from a venue's private stream. */
    public void publish(Order order) {
        Watch watch = watches.get(key(order.venue(), order.clientOrderId()));
        if (watch != null) {
            watch.offer(order);
        }
    }

    /** A fill from a venue's private stream. */
    public void publishFill(Fill fill) {
        if (fill.clientOrderId() == null) {
            return;
        }
        Watch watch = watches.get(key(fill.venue(), fill.clientOrderId()));
        if (watch != null) {
            watch.offerFill(fill);
        }
    }

    /** The stream of {@code venue} connected or dropped. */
    public void streamState(String venue, boolean up) {
        live.put(venue, up);
    }

    /** Whether the venue's private stream is connected, so its reports can be waited for. */
    public boolean isLive(String venue) {
        return live.getOrDefault(venue, false);
    }

    /** Orders being watched now (for tests: every watch is closed when its execution ends). */
    public int watching() {
        return watches.size();
    }

    private static String key(String venue, String clientOrderId) {
        return venue + '|' + clientOrderId;
    }

    /** One watched order: the latest report the stream pushed, and a way to wait for a newer one. */
    public final class Watch implements AutoCloseable {
        private final String key;
        private final Map<String, Fill> fills = new LinkedHashMap<>();
        private Order latest;

        private Watch(String key) {
            this.key = key;
        }

        synchronized void offer(Order order) {
            if (latest == null || isAhead(order, latest)) {
                latest = order;
                notifyAll();
            }
        }

        synchronized void offerFill(Fill fill) {
            fills.putIfAbsent(fill.tradeId() + '|' + fill.timestamp().toEpochMilli(), fill);
            notifyAll();
        }

        /** The fills the stream reported for this order so far. */
        public synchronized List<Fill> fills() {
            return List.copyOf(fills.values());
        }

        /**
         * Waits up to {@code timeout} until the stream reported fills adding up to {@code quantity}; returns the
         * fills reported by then (possibly fewer).
         */
        public synchronized List<Fill> awaitFills(BigDecimal quantity, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (filled().compareTo(quantity) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return List.copyOf(fills.values());
        }

        private BigDecimal filled() {
            return fills.values().stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /**
         * Waits up to {@code timeout} for a report that is ahead of {@code known} (a later status or more filled);
         * returns it, or {@code null} when none came.
         */
        public synchronized Order awaitAhead(Order known, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (latest == null || !isAhead(latest, known)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return latest;
        }

        @Override
        public void close() {
            watches.remove(key, this);
        }
    }

    /** Whether {@code report} says more than {@code known}: a status the state machine moves to, or a larger fill. */
    static boolean isAhead(Order report, Order known) {
        if (report.filledQuantity().compareTo(known.filledQuantity()) > 0) {
            return true;
        }
        OrderStatus next = OrderTransitions.next(known.status(), report.status());
        return next != known.status();
    }
}
