package dev.perpflow.execution;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.TradingState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way orders of one account leave perpflow. Each order passes the risk guard, is journaled (status NEW)
 * before it is sent, and its outcome is journaled as it arrives. A submit whose outcome is unknown (timeout, 5xx
 * after sending) is resolved by querying its client order id with bounded retries, never by sending it again; if
 * the venue still cannot say, the order stays UNKNOWN and an alert is raised.
 *
 * <p>Once an order was sent, the venue's answer is what counts: a journal write failing after it (the database
 * unreachable) is logged and left to the reconciliation, it never turns a placed or cancelled order into an error.
 */
public final class OrderGateway {

    private static final Logger LOG = LoggerFactory.getLogger(OrderGateway.class);

    /** What a cancel-everything pass did: orders cancelled and, per order, why a cancel failed. */
    public record CancelReport(String account, List<String> cancelled, Map<String, String> failed) {

        public boolean complete() {
            return failed.isEmpty();
        }
    }

    private final String account;
    private final Map<String, ExchangeClient> venues;
    private final OrderJournal journal;
    private final RiskGuard risk;
    private final Alerts alerts;
    private final Clock clock;
    private final OrderUpdates updates;
    private final int resolveAttempts;
    private final Duration resolveDelay;
    private final java.util.concurrent.Executor journalWriter;
    private final OrderAcks acks;
    /** Orders given up by their execution, until a venue view shows them ended (the journal keeps the flag too). */
    private final Map<String, Boolean> givenUp = new ConcurrentHashMap<>();

    /**
     * @param journalWriter where the kill switch's cancels are journaled (off the halt's path, so a database that
     *                      stops answering never delays a halt); the app passes the core's journal writer thread
     */
    public OrderGateway(String account, Map<String, ExchangeClient> venues, OrderJournal journal, RiskGuard risk,
            Alerts alerts, Clock clock, OrderUpdates updates, int resolveAttempts, Duration resolveDelay,
            java.util.concurrent.Executor journalWriter) {
        this(account, venues, journal, risk, alerts, clock, updates, resolveAttempts, resolveDelay, journalWriter,
                OrderAcks.NONE);
    }

    /** @param acks told how long each venue took to answer a submit (the app's latency histogram) */
    public OrderGateway(String account, Map<String, ExchangeClient> venues, OrderJournal journal, RiskGuard risk,
            Alerts alerts, Clock clock, OrderUpdates updates, int resolveAttempts, Duration resolveDelay,
            java.util.concurrent.Executor journalWriter, OrderAcks acks) {
        this.journalWriter = journalWriter;
        this.acks = acks;
        this.account = account;
        this.venues = Map.copyOf(venues);
        this.journal = journal;
        this.risk = risk;
        this.alerts = alerts;
        this.clock = clock;
        this.updates = updates;
        this.resolveAttempts = resolveAttempts;
        this.resolveDelay = resolveDelay;
    }

    /** A gateway of the {@code default} account without private streams (executors poll). */
    public OrderGateway(Map<String, ExchangeClient> venues, OrderJournal journal, RiskGuard risk, Alerts alerts,
            Clock clock, int resolveAttempts, Duration resolveDelay) {
        this("default", venues, journal, risk, alerts, clock, OrderUpdates.none(), resolveAttempts, resolveDelay,
                Runnable::run);
    }

    public String account() {
        return account;
    }

    public OrderJournal journal() {
        return journal;
    }

    public OrderUpdates updates() {
        return updates;
    }

    /** The trading state this account trades under now. */
    public TradingState tradingState() {
        return risk.state(account);
    }

    /** Reports something a human must look at (Telegram and the log in the app). */
    public void alert(String message) {
        alerts.raise(message);
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
            risk.check(account, intent.venue(), intent.request(), intent.protective(), intent.referencePrice(),
                    intent.multiplier());
            journal.recordIntent(intent.venue(), intent.request(), intent.purpose(), clock.instant());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        long sentAt = System.nanoTime();
        return client.submitOrder(intent.request()).handle((order, failure) -> {
            Throwable cause = failure == null ? null : ExchangeException.unwrap(failure);
            if (failure == null || cause instanceof OrderRejectedException) {
                // the venue answered: placed or refused (a rate limit or no answer is no acknowledgement)
                acks.acknowledged(intent.venue(), Duration.ofNanos(System.nanoTime() - sentAt));
            }
            if (failure == null) {
                record(order);
                cancelIfHaltedMeanwhile(intent, order);
                return CompletableFuture.completedFuture(order);
            }
            if (cause instanceof AuthenticationException) {
                // not placed: the venue refused our credentials before looking at the order. Querying would be
                // refused the same way, so nothing is left unknown; someone must fix the key.
                quietly(() -> journal.markRejected(intent.venue(), id, cause.getMessage(), clock.instant()), id);
                alerts.raise("order " + id + " on " + intent.venue() + " not placed: the venue refused the "
                        + "account's credentials (" + cause.getMessage() + "); check the API key");
                return CompletableFuture.<Order>failedFuture(cause);
            }
            if (cause instanceof OrderRejectedException || cause instanceof RateLimitedException
                    || cause instanceof VenueUnavailableException) {
                // definitively not placed: the venue refused it or never received it
                quietly(() -> journal.markRejected(intent.venue(), id, cause.getMessage(), clock.instant()), id);
                return CompletableFuture.<Order>failedFuture(cause);
            }
            quietly(() -> journal.markUnknown(intent.venue(), id, String.valueOf(cause.getMessage()), clock.instant()),
                    id);
            LOG.warn("Outcome of {} on {} unknown ({}); resolving by query", id, intent.venue(), cause.getMessage());
            return resolve(intent.venue(), intent.request().symbol(), id);
        }).thenCompose(f -> f);
    }

    /**
     * The client order id of the next attempt of an order that may have to be sent again (a stop loss refused once,
     * a take profit the venue rejected): {@code baseId} for the first, then {@code baseId-r2}, {@code -r3}, ... —
     * deterministic from the journal, never an id already sent. Fails while the latest attempt may still be working
     * or fill (its outcome is not known yet): a second one is never sent beside it.
     */
    public String attemptId(String venue, String baseId) {
        String id = baseId;
        for (int attempt = 2; ; attempt++) {
            java.util.Optional<JournaledOrder> previous = journal.find(venue, id);
            if (previous.isEmpty()) {
                return id;
            }
            if (!previous.get().status().isTerminal()) {
                throw new IllegalStateException("order " + id + " on " + venue + " is still "
                        + previous.get().status() + "; no other attempt is sent until its outcome is known");
            }
            id = baseId + "-r" + attempt;
        }
    }

    /** Cancels by client order id; the journal ends with what the venue says (FILLED when a fill won the race). */
    public CompletableFuture<Order> cancel(String venue, String symbol, String clientOrderId) {
        return client(venue).cancelOrder(symbol, clientOrderId).thenApply(order -> {
            record(order);
            return order;
        });
    }

    /** Asks the venue for an order's current state and journals it. */
    public CompletableFuture<Order> refresh(String venue, String symbol, String clientOrderId) {
        return client(venue).queryOrder(symbol, clientOrderId).thenApply(order -> {
            record(order);
            return order;
        });
    }

    /**
     * Marks an order its execution gave up on (cancel unconfirmed, outcome unknown): it is cancelled whenever the
     * stream or a reconciliation shows it working. Best effort on the journal: the flag is also kept in memory.
     */
    public void giveUp(String venue, String clientOrderId) {
        givenUp.put(venue + '|' + clientOrderId, Boolean.TRUE);
        quietly(() -> journal.markCancelRequested(venue, clientOrderId, clock.instant()), clientOrderId);
    }

    /**
     * Cancels every working order of this account on every venue (the kill switch): what each venue lists as open
     * (so it works while the database is unreachable), or, when a venue cannot list them, what the journal knows.
     * Completes when every cancel was answered, with what failed and why.
     */
    public CompletableFuture<CancelReport> cancelAllOpen() {
        List<String> cancelled = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, String> failed = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> passes = new ArrayList<>();
        venues.forEach((venue, client) -> {
            if (!client.canTrade()) {
                return;
            }
            passes.add(client.openOrders(null).handle((open, failure) -> {
                List<String[]> targets = new ArrayList<>();
                if (failure == null) {
                    open.forEach(o -> targets.add(new String[] {o.symbol(), o.clientOrderId()}));
                } else {
                    LOG.warn("{}: open orders unavailable ({}); cancelling what the journal knows", venue,
                            ExchangeException.unwrap(failure).getMessage());
                    try {
                        journal.unresolved().stream().filter(o -> o.venue().equals(venue))
                                .forEach(o -> targets.add(new String[] {o.request().symbol(), o.clientOrderId()}));
                    } catch (RuntimeException e) {
                        failed.put(venue, "neither the venue's open orders nor the journal are available: "
                                + ExchangeException.unwrap(failure).getMessage() + "; " + e.getMessage());
                    }
                }
                CompletableFuture<?>[] cancels = targets.stream()
                        .map(t -> client.cancelOrder(t[0], t[1]).handle((order, error) -> {
                            if (order != null) {
                                journalWriter.execute(() -> record(order));
                            }
                            if (error == null || ExchangeException.unwrap(error) instanceof OrderNotFoundException) {
                                cancelled.add(venue + ":" + t[1]);
                            } else {
                                failed.put(venue + ":" + t[1], String.valueOf(ExchangeException.unwrap(error)
                                        .getMessage()));
                            }
                            return null;
                        }))
                        .toArray(CompletableFuture[]::new);
                return CompletableFuture.allOf(cancels);
            }).thenCompose(f -> f));
        });
        return CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            CancelReport report = new CancelReport(account, List.copyOf(cancelled), new LinkedHashMap<>(failed));
            if (!report.complete()) {
                alerts.raise("account " + account + ": could not cancel " + report.failed().size() + " order(s): "
                        + report.failed());
            }
            return report;
        });
    }

    /** Queries an order whose outcome is unknown until the venue gives an answer, at most the configured times. */
    public CompletableFuture<Order> resolve(String venue, String symbol, String clientOrderId) {
        return attempt(client(venue), venue, symbol, clientOrderId, 1, resolveDelay);
    }

    private CompletableFuture<Order> attempt(ExchangeClient client, String venue, String symbol, String id, int attempt,
            Duration delay) {
        return client.queryOrder(symbol, id).handle((order, failure) -> {
            if (failure == null) {
                record(order);
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

    /** Journals the venue's view; a failure to do so is logged (the reconciliation catches up), never thrown. */
    private void record(Order order) {
        quietly(() -> journal.recordOrder(order, clock.instant()), order.clientOrderId());
        if (order.status().isTerminal()) {
            givenUp.remove(order.venue() + '|' + order.clientOrderId());
        } else if (givenUp.containsKey(order.venue() + '|' + order.clientOrderId())) {
            LOG.warn("{}: given-up order {} is working; cancelling it", order.venue(), order.clientOrderId());
            client(order.venue()).cancelOrder(order.symbol(), order.clientOrderId());
        }
    }

    /** An order that passed the risk check just before a halt and came back working is cancelled right away. */
    private void cancelIfHaltedMeanwhile(OrderIntent intent, Order order) {
        if (order.status().isWorking() && risk.state(account) == TradingState.HALTED
                && !(intent.protective() && intent.request().reduceOnly())) {
            LOG.warn("{}: {} was accepted while trading halted; cancelling it", intent.venue(), order.clientOrderId());
            cancel(intent.venue(), order.symbol(), order.clientOrderId()).exceptionally(e -> {
                alerts.raise("could not cancel " + order.clientOrderId() + " on " + intent.venue()
                        + " (accepted as trading halted): " + ExchangeException.unwrap(e).getMessage());
                return null;
            });
        }
    }

    private void quietly(Runnable write, String clientOrderId) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("Journal write for {} failed ({}); the venue's answer stands and reconciliation will record it",
                    clientOrderId, e.getMessage());
        }
    }

    private ExchangeClient client(String venue) {
        ExchangeClient client = venues.get(venue);
        if (client == null) {
            throw new IllegalArgumentException("no venue named " + venue);
        }
        return client;
    }
}
