package dev.perpflow.execution;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.StreamState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the journal current for one venue of one account. Stream reports go first to the executors waiting on
 * them ({@link OrderUpdates}), then to the journal on the tracker's own writer, so a slow or unreachable database
 * never holds up the venue's stream thread (duplicates and stale reports are harmless, see {@link OrderTransitions}
 * and {@link OrderJournal#recordFill}). {@link #reconcile()} asks the venue by REST about everything unresolved —
 * every tick while the stream is down, now and then while it is up — and ends what the venue no longer knows.
 * An order an execution gave up on ({@link JournaledOrder#cancelRequested()}) is cancelled whenever it shows up
 * working.
 */
public final class OrderTracker implements OrderEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(OrderTracker.class);
    /** Fills are fetched again a little before the last sync: late reports are caught, duplicates are harmless. */
    private static final Duration FILL_OVERLAP = Duration.ofMinutes(1);

    private final String venue;
    private final ExchangeClient client;
    private final OrderGateway gateway;
    private final OrderJournal journal;
    private final OrderUpdates updates;
    private final Executor journalWriter;
    private final Clock clock;
    private final Duration goneAfter;
    private final AtomicBoolean streamUp = new AtomicBoolean(false);
    private volatile Instant fillsWatermark;

    /**
     * @param journalWriter runs the journal writes of stream reports, in order (one thread)
     * @param goneAfter     how long after it was journaled an order the venue does not know is taken as gone
     */
    public OrderTracker(ExchangeClient client, OrderGateway gateway, OrderUpdates updates, Executor journalWriter,
            Clock clock, Duration goneAfter) {
        this.venue = client.venue();
        this.client = client;
        this.gateway = gateway;
        this.journal = gateway.journal();
        this.updates = updates;
        this.journalWriter = journalWriter;
        this.clock = clock;
        this.goneAfter = goneAfter;
        this.fillsWatermark = clock.instant().minus(FILL_OVERLAP);
    }

    public boolean isStreamUp() {
        return streamUp.get();
    }

    @Override
    public void onOrder(Order order) {
        updates.publish(order);
        journalWriter.execute(() -> {
            try {
                journal.find(order.venue(), order.clientOrderId()).ifPresent(known -> {
                    JournaledOrder recorded = journal.recordOrder(order, clock.instant());
                    cancelIfGivenUp(recorded, order);
                });
            } catch (RuntimeException e) {
                LOG.warn("{}: could not journal the stream report of {} ({}); reconciliation will", venue,
                        order.clientOrderId(), e.getMessage());
            }
        });
    }

    @Override
    public void onFill(Fill fill) {
        updates.publishFill(fill);
        journalWriter.execute(() -> {
            try {
                if (!journal.recordFill(fill)) {
                    LOG.debug("Duplicate fill {} on {} ignored", fill.tradeId(), fill.venue());
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: could not journal fill {} ({}); reconciliation will", venue, fill.tradeId(),
                        e.getMessage());
            }
        });
    }

    @Override
    public void onStreamState(StreamState state) {
        boolean up = state == StreamState.CONNECTED;
        updates.streamState(venue, up);
        if (streamUp.getAndSet(up) != up) {
            LOG.info("{} order stream {}", venue, up ? "connected" : "down: reconciling by REST");
        }
    }

    /**
     * Queries every unresolved order of this venue and every fill since the last sync, and journals what the venue
     * says; an order the venue does not know {@code goneAfter} after it was journaled is ended (CANCELED if it was
     * working, REJECTED if it never reached the venue, with an alert when its submit's outcome was unknown).
     * Completes with the number of orders queried; failures of single queries are left for the next round.
     */
    public CompletableFuture<Integer> reconcile() {
        Instant syncStart = clock.instant();
        List<JournaledOrder> open = journal.unresolved().stream().filter(o -> o.venue().equals(venue)).toList();
        Instant since = open.stream().map(JournaledOrder::createdAt).min(Comparator.naturalOrder())
                .filter(oldest -> oldest.isBefore(fillsWatermark)).orElse(fillsWatermark);
        CompletableFuture<?>[] queries = open.stream()
                .map(o -> client.queryOrder(o.request().symbol(), o.clientOrderId())
                        .thenAccept(order -> cancelIfGivenUp(journal.recordOrder(order, clock.instant()), order))
                        .exceptionally(e -> {
                            Throwable cause = ExchangeException.unwrap(e);
                            if (cause instanceof OrderNotFoundException) {
                                endIfGone(o, syncStart);
                            } else {
                                LOG.debug("Reconcile of {} on {} failed: {}", o.clientOrderId(), venue,
                                        cause.getMessage());
                            }
                            return null;
                        }))
                .toArray(CompletableFuture[]::new);
        CompletableFuture<Void> fills = client.fillsSince(since)
                .thenAccept(list -> {
                    list.forEach(journal::recordFill);
                    fillsWatermark = syncStart.minus(FILL_OVERLAP);
                })
                .exceptionally(e -> null);
        return CompletableFuture.allOf(queries).thenCombine(fills, (a, b) -> open.size());
    }

    private void cancelIfGivenUp(JournaledOrder recorded, Order reported) {
        if (recorded.cancelRequested() && reported.status().isWorking()) {
            LOG.warn("{}: {} was given up by its execution and is working at the venue; cancelling it", venue,
                    reported.clientOrderId());
            gateway.cancel(venue, reported.symbol(), reported.clientOrderId()).exceptionally(e -> {
                gateway.alert("could not cancel given-up order " + reported.clientOrderId() + " on " + venue + ": "
                        + ExchangeException.unwrap(e).getMessage());
                return null;
            });
        }
    }

    private void endIfGone(JournaledOrder order, Instant now) {
        if (Duration.between(order.createdAt(), now).compareTo(goneAfter) < 0) {
            return;   // not visible yet may mean not visible yet
        }
        boolean reached = order.status() != OrderStatus.NEW && order.status() != OrderStatus.UNKNOWN;
        OrderStatus end = reached ? OrderStatus.CANCELED : OrderStatus.REJECTED;
        String note = reached ? "the venue no longer knows this order (" + goneAfter.toSeconds() + " s after it was sent)"
                : "the venue never saw this order (" + goneAfter.toSeconds() + " s after it was journaled)";
        journal.markGone(venue, order.clientOrderId(), end, note, now);
        if (order.status() == OrderStatus.UNKNOWN) {
            gateway.alert("order " + order.clientOrderId() + " on " + venue + " had an unknown outcome and the venue "
                    + "still does not know it: marked rejected; check the venue's order history by hand");
        } else {
            LOG.warn("{}: {} ({}) marked {}: {}", venue, order.clientOrderId(), order.status(), end, note);
        }
    }
}
