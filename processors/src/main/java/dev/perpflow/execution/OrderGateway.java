package dev.perpflow.execution;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.risk.RiskGuard;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way orders leave perpflow. Each order passes the risk guard, is journaled (status NEW) before it is
 * sent, and its outcome is journaled as it arrives. A submit whose outcome is unknown (timeout, 5xx after sending)
 * is resolved by querying its client order id with bounded retries, never by sending it again; if the venue still
 * cannot say, the order stays UNKNOWN and an alert is raised.
 */
public final class OrderGateway {

    private static final Logger LOG = LoggerFactory.getLogger(OrderGateway.class);

    private final Map<String, ExchangeClient> venues;
    private final OrderJournal journal;
    private final RiskGuard risk;
    private final Alerts alerts;
    private final Clock clock;
    private final int resolveAttempts;
    private final Duration resolveDelay;

    public OrderGateway(Map<String, ExchangeClient> venues, OrderJournal journal, RiskGuard risk, Alerts alerts,
            Clock clock, int resolveAttempts, Duration resolveDelay) {
        this.venues = Map.copyOf(venues);
        this.journal = journal;
        this.risk = risk;
        this.alerts = alerts;
        this.clock = clock;
        this.resolveAttempts = resolveAttempts;
        this.resolveDelay = resolveDelay;
    }

    public OrderJournal journal() {
        return journal;
    }

    /**
     * Sends an order. Completes with the venue's view, or exceptionally with the venue's rejection, a risk refusal,
     * or an {@link UnknownOutcomeException} when even the queries could not establish what happened.
     */
    public CompletableFuture<Order> submit(OrderIntent intent) {
        String id = intent.request().clientOrderId();
        ExchangeClient client;
        try {
            client = client(intent.venue());
            risk.check(intent.venue(), intent.request(), intent.referencePrice(), intent.multiplier());
            journal.recordIntent(intent.venue(), intent.request(), intent.purpose(), clock.instant());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.submitOrder(intent.request()).handle((order, failure) -> {
            if (failure == null) {
                journal.recordOrder(order, clock.instant());
                return CompletableFuture.completedFuture(order);
            }
            Throwable cause = ExchangeException.unwrap(failure);
            if (cause instanceof OrderRejectedException || cause instanceof RateLimitedException
                    || cause instanceof VenueUnavailableException) {
                // definitively not placed: the venue refused it or never received it
                journal.markRejected(intent.venue(), id, cause.getMessage(), clock.instant());
                return CompletableFuture.<Order>failedFuture(cause);
            }
            journal.markUnknown(intent.venue(), id, String.valueOf(cause.getMessage()), clock.instant());
            LOG.warn("Outcome of {} on {} unknown ({}); resolving by query", id, intent.venue(), cause.getMessage());
            return resolve(intent.venue(), intent.request().symbol(), id);
        }).thenCompose(f -> f);
    }

    /** Cancels by client order id; the journal ends with what the venue says (FILLED when a fill won the race). */
    public CompletableFuture<Order> cancel(String venue, String symbol, String clientOrderId) {
        return client(venue).cancelOrder(symbol, clientOrderId).thenApply(order -> {
            journal.recordOrder(order, clock.instant());
            return order;
        });
    }

    /** Asks the venue for an order's current state and journals it. */
    public CompletableFuture<Order> refresh(String venue, String symbol, String clientOrderId) {
        return client(venue).queryOrder(symbol, clientOrderId).thenApply(order -> {
            journal.recordOrder(order, clock.instant());
            return order;
        });
    }

    /** Cancels every working order the journal knows, e.g. on entering HALTED. */
    public CompletableFuture<Void> cancelAllOpen() {
        List<CompletableFuture<Order>> cancels = journal.unresolved().stream()
                .filter(o -> o.status().isWorking())
                .map(o -> cancel(o.venue(), o.request().symbol(), o.clientOrderId())
                        .exceptionally(e -> {
                            alerts.raise("could not cancel " + o.clientOrderId() + " on " + o.venue() + ": "
                                    + ExchangeException.unwrap(e).getMessage());
                            return null;
                        }))
                .toList();
        return CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new));
    }

    /** Queries an order whose outcome is unknown until the venue gives an answer, at most the configured times. */
    public CompletableFuture<Order> resolve(String venue, String symbol, String clientOrderId) {
        return attempt(client(venue), venue, symbol, clientOrderId, 1, resolveDelay);
    }

    private CompletableFuture<Order> attempt(ExchangeClient client, String venue, String symbol, String id, int attempt,
            Duration delay) {
        return client.queryOrder(symbol, id).handle((order, failure) -> {
            if (failure == null) {
                journal.recordOrder(order, clock.instant());
                LOG.info("Resolved {} on {}: {}", id, venue, order.status());
                return CompletableFuture.completedFuture(order);
            }
            Throwable cause = ExchangeException.unwrap(failure);
            if (attempt >= resolveAttempts) {
                String message = "order " + id + " on " + venue + " is still of unknown outcome after " + attempt
                        + " queries (last: " + cause.getMessage() + "); it will not be resent";
                alerts.raise(message);
                return CompletableFuture.<Order>failedFuture(new UnknownOutcomeException(venue, id, message, cause));
            }
            // not found yet may mean not visible yet: keep asking, never resend
            Duration next = delay.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                    : delay.multipliedBy(2);
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> attempt(client, venue, symbol, id, attempt + 1, next));
        }).thenCompose(f -> f);
    }

    private ExchangeClient client(String venue) {
        ExchangeClient client = venues.get(venue);
        if (client == null) {
            throw new IllegalArgumentException("no venue named " + venue);
        }
        return client;
    }
}
