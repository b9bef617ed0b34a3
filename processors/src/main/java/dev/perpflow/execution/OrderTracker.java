package dev.perpflow.execution;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.StreamState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the journal current for one venue: stream events first (duplicates and stale reports are harmless, see
 * {@link OrderTransitions} and the unique trade id), and {@link #reconcile()} by REST for everything unresolved,
 * which a scheduler calls often while the stream is down and now and then while it is up.
 */
public final class OrderTracker implements OrderEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(OrderTracker.class);
    /** Fills are fetched again a little before the last sync: late reports are caught, duplicates are harmless. */
    private static final Duration FILL_OVERLAP = Duration.ofMinutes(1);

    private final String venue;
    private final ExchangeClient client;
    private final OrderJournal journal;
    private final Clock clock;
    private final AtomicBoolean streamUp = new AtomicBoolean(false);
    private volatile Instant fillsWatermark;

    public OrderTracker(ExchangeClient client, OrderJournal journal, Clock clock) {
        this.venue = client.venue();
        this.client = client;
        this.journal = journal;
        this.clock = clock;
        this.fillsWatermark = clock.instant().minus(FILL_OVERLAP);
    }

    public boolean isStreamUp() {
        return streamUp.get();
    }

    @Override
    public void onOrder(Order order) {
        if (journal.find(order.venue(), order.clientOrderId()).isPresent()) {
            journal.recordOrder(order, clock.instant());
        }
    }

    @Override
    public void onFill(Fill fill) {
        if (!journal.recordFill(fill)) {
            LOG.debug("Duplicate fill {} on {} ignored", fill.tradeId(), fill.venue());
        }
    }

    @Override
    public void onStreamState(StreamState state) {
        boolean up = state == StreamState.CONNECTED;
        if (streamUp.getAndSet(up) != up) {
            LOG.info("{} order stream {}", venue, up ? "connected" : "down: reconciling by REST");
        }
    }

    /**
     * Queries every unresolved order of this venue and every fill since the last sync, and journals what the venue
     * says. Completes with the number of orders queried; failures of single queries are left for the next round.
     */
    public CompletableFuture<Integer> reconcile() {
        Instant syncStart = clock.instant();
        List<JournaledOrder> open = journal.unresolved().stream().filter(o -> o.venue().equals(venue)).toList();
        Instant since = open.stream().map(JournaledOrder::createdAt).min(Comparator.naturalOrder())
                .filter(oldest -> oldest.isBefore(fillsWatermark)).orElse(fillsWatermark);
        CompletableFuture<?>[] queries = open.stream()
                .map(o -> client.queryOrder(o.request().symbol(), o.clientOrderId())
                        .thenAccept(order -> journal.recordOrder(order, clock.instant()))
                        .exceptionally(e -> {
                            LOG.debug("Reconcile of {} on {} failed: {}", o.clientOrderId(), venue,
                                    ExchangeException.unwrap(e).getMessage());
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
}
