package dev.perpflow.execution;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.risk.RiskRejectedException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one order on one venue in a chosen {@link ExecutionMode}, every order through the {@link OrderGateway}
 * (journaled before it is sent, deterministic client ids {@code <prefix>-<step>}). Runs on the given executor.
 *
 * <p>Order updates come from the venue's private stream when it is live ({@link OrderUpdates}); the venue is only
 * queried by REST while the stream is down, when an order was not acknowledged in time, and at a deadline.
 *
 * <p>Every way an execution ends — filled, rejected, timed out, stopped, or any exception on the way — ends the
 * same: each order it sent that is not known to have ended is cancelled; an order whose cancel cannot be confirmed
 * is given up to the gateway (cancelled whenever it shows up working) and reported in
 * {@link ExecutionResult#unresolvedOrderIds()}. The result is built from what is known even when the venue cannot
 * be asked any more; it is never an exception.
 */
public final class OrderExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(OrderExecutor.class);
    /** An order not acknowledged by the stream within this time is asked for by REST. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(2);
    /** How long the fills of a filled order may trail its status on the stream. */
    private static final Duration FILL_LAG = Duration.ofSeconds(1);
    private static final int CANCEL_ATTEMPTS = 3;

    private final OrderGateway gateway;
    private final Map<String, ExchangeClient> venues;
    private final ExecutorSettings settings;
    private final Executor workers;

    public OrderExecutor(OrderGateway gateway, Map<String, ExchangeClient> venues, ExecutorSettings settings,
            Executor workers) {
        this.gateway = gateway;
        this.venues = Map.copyOf(venues);
        this.settings = settings;
        this.workers = workers;
    }

    public CompletableFuture<ExecutionResult> execute(ExecutionRequest request) {
        return execute(request, new AtomicBoolean());
    }

    /** Reports something a human must look at, through the gateway's alerts. */
    void alert(String message) {
        gateway.alert(message);
    }

    /**
     * Executes until done or until {@code stop} is set (checked while waiting): then working orders are cancelled
     * and the result reports what filled. The atomic executor stops the other legs this way once one leg filled.
     */
    public CompletableFuture<ExecutionResult> execute(ExecutionRequest request, AtomicBoolean stop) {
        return CompletableFuture.supplyAsync(() -> new Run(request, stop).run(), workers);
    }

    /** One execution's state: the orders it sent, their latest views, and when it started. */
    private final class Run {
        private final ExecutionRequest request;
        private final ExchangeClient client;
        private final Instant started;
        private final AtomicBoolean stop;
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Order> views = new LinkedHashMap<>();
        private final Map<String, OrderUpdates.Watch> watches = new LinkedHashMap<>();
        private final List<String> unresolved = new ArrayList<>();
        private final java.util.Set<String> neverPlaced = new java.util.HashSet<>();
        private BigDecimal expected;
        private BigDecimal filled = BigDecimal.ZERO;
        /** Earliest creation time the venue reported for our orders, in the venue's clock. */
        private Instant firstOrderAt;

        Run(ExecutionRequest request, AtomicBoolean stop) {
            this.request = request;
            this.stop = stop;
            this.client = venues.get(request.venue());
            this.started = Instant.now();
            if (client == null) {
                throw new IllegalArgumentException("no venue named " + request.venue());
            }
        }

        ExecutionResult run() {
            ExecutionMode used = request.mode();
            String error = null;
            try {
                Bbo bbo = request.book() != null ? request.book()
                        : await(client.bbo(request.symbol()), settings.confirmTimeout());
                expected = request.side() == Side.BUY ? bbo.ask() : bbo.bid();
                String wide = SpreadGuard.check(bbo, request.critical());
                if (wide != null) {
                    error = wide;
                } else {
                    Outcome outcome = switch (request.mode()) {
                        case MARKET -> market(request.quantity(), "m");
                        case SIMPLE_LIMIT -> simpleLimit(bbo, request.quantity(), "l", settings.simpleLimitTimeout());
                        case AGGRESSIVE_LIMIT -> aggressiveLimit();
                    };
                    used = outcome.mode();
                    error = outcome.error();
                }
            } catch (RuntimeException e) {
                error = describe(e);
                if (!(ExchangeException.unwrap(e) instanceof OrderRejectedException
                        || ExchangeException.unwrap(e) instanceof RiskRejectedException)) {
                    LOG.warn("{} {} {} on {} stopped by an error: {}", request.purpose(), request.side(),
                            request.symbol(), request.venue(), error);
                }
            } finally {
                endWorkingOrders();
            }
            try {
                return result(used, error);    // fills may still be arriving on the stream: watched until then
            } finally {
                watches.values().forEach(OrderUpdates.Watch::close);
            }
        }

        private Outcome market(BigDecimal quantity, String step) {
            Order order = send(OrderRequest.market(id(step), request.symbol(), request.side(), quantity,
                    request.reduceOnly()), expected);
            order = awaitTerminal(order, settings.confirmTimeout());
            BigDecimal remaining = rounded(request.quantity().subtract(filled));
            if (order.status() == OrderStatus.CANCELED && remaining.signum() > 0 && !step.endsWith("-rest")) {
                // the venue cut the market order (slippage protection): the remainder goes as a limit order
                Bbo bbo = await(client.bbo(request.symbol()), settings.confirmTimeout());
                return simpleLimit(bbo, remaining, step + "-rest", settings.simpleLimitTimeout());
            }
            return new Outcome(ExecutionMode.MARKET, isFilled() ? null : "market order ended " + order.status()
                    + " with " + filled.toPlainString() + " of " + request.quantity().toPlainString() + " filled");
        }

        private Outcome simpleLimit(Bbo bbo, BigDecimal quantity, String step, Duration timeout) {
            Instrument instrument = request.instrument();
            BigDecimal offset = settings.limitOffset();
            // a given price (the funding arb's break-even alignment) applies to the first order only; remainders
            // and re-quotes are priced from the book
            BigDecimal given = step.equals("l") ? request.limitPrice() : null;
            BigDecimal price = given != null
                    ? instrument.roundPrice(given, request.side() == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP)
                    : request.side() == Side.BUY
                    ? instrument.roundPrice(bbo.ask().multiply(BigDecimal.ONE.subtract(offset)), RoundingMode.DOWN)
                    : instrument.roundPrice(bbo.bid().multiply(BigDecimal.ONE.add(offset)), RoundingMode.UP);
            Order order = send(OrderRequest.limit(id(step), request.symbol(), request.side(), quantity, price,
                    TimeInForce.GTC).withReduceOnly(request.reduceOnly()), price);
            order = awaitTerminal(order, timeout);
            if (order.status().isWorking()) {
                order = cancel(order);
            }
            return new Outcome(ExecutionMode.SIMPLE_LIMIT, isFilled() ? null : stop.get() ? "stopped"
                    : "limit order not filled within " + timeout.toSeconds() + " s (" + order.status() + ")");
        }

        private Outcome aggressiveLimit() {
            boolean closing = request.reduceOnly();
            int attempts = closing ? settings.closeAttempts() : settings.openAttempts();
            int inside = closing ? settings.closeInsideAttempts() : settings.openInsideAttempts();
            Instant deadline = Instant.now().plus(closing ? settings.closeTimeout() : settings.openTimeout());
            Instrument instrument = request.instrument();
            for (int attempt = 0; attempt < attempts && !isFilled() && Instant.now().isBefore(deadline) && !stop.get();
                    attempt++) {
                Bbo bbo = await(client.bbo(request.symbol()), settings.confirmTimeout());
                boolean buy = request.side() == Side.BUY;
                BigDecimal tick = instrument.tickSize();
                BigDecimal price;
                TimeInForce tif;
                if (attempt == 0) {
                    price = buy ? bbo.ask() : bbo.bid();                       // touch
                    tif = TimeInForce.GTC;
                } else if (attempt <= inside) {
                    price = buy ? bbo.ask().subtract(tick) : bbo.bid().add(tick);  // one tick inside, as maker
                    tif = TimeInForce.POST_ONLY;
                } else {
                    price = buy ? bbo.ask().add(tick) : bbo.bid().subtract(tick);  // crossing
                    tif = TimeInForce.GTC;
                }
                BigDecimal remaining = rounded(request.quantity().subtract(filled));
                if (remaining.signum() <= 0) {
                    break;
                }
                Order order;
                try {
                    order = send(OrderRequest.limit(id("a" + attempt), request.symbol(), request.side(), remaining,
                            price, tif).withReduceOnly(request.reduceOnly()), price);
                } catch (RuntimeException e) {
                    Throwable cause = ExchangeException.unwrap(e);
                    if (cause instanceof OrderRejectedException && !(cause instanceof InsufficientMarginException)) {
                        continue;  // e.g. post-only would cross because the book moved: re-price from a fresh book
                    }
                    throw e;
                }
                Duration remainingTime = Duration.between(Instant.now(), deadline);
                Duration wait = remainingTime.compareTo(settings.maxAttemptWait()) < 0 ? remainingTime
                        : settings.maxAttemptWait();
                order = awaitTerminal(order, wait.isNegative() ? Duration.ZERO : wait);
                if (order.status().isWorking()) {
                    cancel(order);
                }
            }
            BigDecimal rest = rounded(request.quantity().subtract(filled));
            if (!isFilled() && rest.signum() > 0 && !stop.get()) {
                Outcome fallback = market(rest, "mf-rest");
                return new Outcome(ExecutionMode.MARKET, isFilled() ? null
                        : "market fallback did not fill the remainder (" + fallback.error() + ")");
            }
            return new Outcome(ExecutionMode.AGGRESSIVE_LIMIT, isFilled() ? null : stop.get() ? "stopped" : "not filled");
        }

        private Order send(OrderRequest planned, BigDecimal referencePrice) {
            // hedges, rollbacks and emergency closes bound exposure: the venue's rate budget serves them first
            OrderRequest order = request.critical() || request.protective() ? planned.asCritical() : planned;
            ids.add(order.clientOrderId());
            watches.put(order.clientOrderId(), gateway.updates().watch(request.venue(), order.clientOrderId()));
            Order sent;
            try {
                sent = await(gateway.submit(new OrderIntent(request.venue(), order, request.purpose(), referencePrice,
                        request.instrument().quantityMultiplier(), request.protective())),
                        settings.submitTimeout());
            } catch (RuntimeException e) {
                if (!isUnknownOutcome(e)) {
                    neverPlaced.add(order.clientOrderId());    // refused, rejected or never sent: nothing to end
                }
                throw e;
            }
            if (sent.createdAt() != null && (firstOrderAt == null || sent.createdAt().isBefore(firstOrderAt))) {
                firstOrderAt = sent.createdAt();
            }
            track(sent);
            return sent;
        }

        /**
         * Waits until the order ends, the timeout passes or the execution is stopped. With a live stream it waits for
         * the stream's reports and asks the venue only when the order was not acknowledged in time; without one it
         * polls at the configured interval.
         */
        private Order awaitTerminal(Order order, Duration timeout) {
            Instant until = Instant.now().plus(timeout);
            Instant askAfter = Instant.now().plus(ACK_WAIT);
            OrderUpdates.Watch watch = watches.get(order.clientOrderId());
            Order current = views.getOrDefault(order.clientOrderId(), order);
            while (current.status().isWorking() && Instant.now().isBefore(until) && !stop.get()) {
                boolean live = gateway.updates().isLive(request.venue());
                Duration left = Duration.between(Instant.now(), until);
                Duration slice = left.compareTo(settings.pollInterval()) < 0 ? left : settings.pollInterval();
                Order pushed = watch == null || slice.isNegative() ? null : watch.awaitAhead(current, slice);
                if (pushed != null) {
                    current = pushed;
                    track(current);
                    continue;
                }
                boolean unacknowledged = current.status() == OrderStatus.NEW || current.status() == OrderStatus.UNKNOWN;
                if (!live || unacknowledged && Instant.now().isAfter(askAfter)) {
                    current = await(gateway.refresh(request.venue(), request.symbol(), current.clientOrderId()),
                            settings.confirmTimeout());
                    track(current);
                    askAfter = Instant.now().plus(ACK_WAIT);
                }
            }
            return current;
        }

        private Order cancel(Order order) {
            Order cancelled = await(gateway.cancel(request.venue(), request.symbol(), order.clientOrderId()),
                    settings.confirmTimeout());
            track(cancelled);
            return cancelled;
        }

        /**
         * The exit every execution goes through: each order not known to have ended is cancelled (a few tries);
         * one that cannot be confirmed ended is given up to the gateway and reported as unresolved.
         */
        private void endWorkingOrders() {
            for (String id : ids) {
                Order view = views.get(id);
                if (neverPlaced.contains(id) || view != null && view.status().isTerminal()) {
                    continue;
                }
                String failure = null;
                for (int attempt = 1; attempt <= CANCEL_ATTEMPTS; attempt++) {
                    try {
                        Order ended = await(gateway.cancel(request.venue(), request.symbol(), id),
                                settings.confirmTimeout());
                        track(ended);
                        failure = ended.status().isTerminal() ? null : "still " + ended.status() + " after the cancel";
                    } catch (RuntimeException e) {
                        Throwable cause = ExchangeException.unwrap(e);
                        if (cause instanceof OrderNotFoundException && view != null
                                && view.status() != OrderStatus.NEW && view.status() != OrderStatus.UNKNOWN) {
                            failure = null;    // acknowledged before, gone now: it ended
                        } else {
                            failure = describe(e);
                        }
                    }
                    if (failure == null) {
                        break;
                    }
                    sleep(settings.pollInterval().multipliedBy(attempt));
                }
                if (failure != null) {
                    unresolved.add(id);
                    gateway.giveUp(request.venue(), id);
                    gateway.alert(request.purpose() + " order " + id + " on " + request.venue()
                            + " may still be working (" + failure + "): it will be cancelled whenever seen working");
                }
            }
        }

        /** Keeps the running filled total from the orders' own reports (the last view of each order wins). */
        private void track(Order order) {
            Order known = views.get(order.clientOrderId());
            if (known == null || OrderUpdates.isAhead(order, known) || order.status() == known.status()) {
                views.put(order.clientOrderId(), order);
            }
            filled = views.values().stream().map(Order::filledQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        private boolean isFilled() {
            return filled.compareTo(request.quantity().multiply(settings.fillThreshold())) >= 0;
        }

        /** The result from the fills the stream delivered, else the venue's fill list, else the orders' own reports. */
        private ExecutionResult result(ExecutionMode used, String error) {
            List<Fill> fills = fills();
            BigDecimal quantity = BigDecimal.ZERO;
            BigDecimal notional = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            BigDecimal maker = BigDecimal.ZERO;
            for (Fill fill : fills) {
                quantity = quantity.add(fill.quantity());
                notional = notional.add(fill.quantity().multiply(fill.price()));
                fees = fees.add(fill.fee());
                if (fill.liquidity() == Liquidity.MAKER) {
                    maker = maker.add(fill.quantity());
                }
            }
            if (quantity.compareTo(filled) < 0) {
                // fills not reported (yet): the orders' own filled quantities and average prices stand in, fees unknown
                LOG.warn("{}: fills of {} add up to {} of the {} the orders report; using the orders' reports",
                        request.venue(), ids, quantity.toPlainString(), filled.toPlainString());
                quantity = BigDecimal.ZERO;
                notional = BigDecimal.ZERO;
                for (Order view : views.values()) {
                    if (view.filledQuantity().signum() > 0 && view.averagePrice() != null) {
                        quantity = quantity.add(view.filledQuantity());
                        notional = notional.add(view.filledQuantity().multiply(view.averagePrice()));
                    }
                }
            }
            BigDecimal average = quantity.signum() == 0 ? null : notional.divide(quantity, MathContext.DECIMAL64);
            BigDecimal slippage = average == null || expected == null ? BigDecimal.ZERO
                    : average.subtract(expected).abs().multiply(quantity)
                            .multiply(request.instrument().quantityMultiplier());
            boolean done = quantity.compareTo(request.quantity().multiply(settings.fillThreshold())) >= 0;
            return new ExecutionResult(done, quantity, average, fees, expected, slippage, maker,
                    quantity.subtract(maker).max(BigDecimal.ZERO), used, Duration.between(started, Instant.now()),
                    List.copyOf(ids), done ? null : error == null ? "not filled" : error, List.copyOf(unresolved));
        }

        /** This execution's fills: from the stream when it delivered them all, else asked from the venue once. */
        private List<Fill> fills() {
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Fill> streamed = new ArrayList<>();
            boolean live = gateway.updates().isLive(request.venue());
            for (String id : ids) {
                OrderUpdates.Watch watch = watches.get(id);
                Order view = views.get(id);
                if (watch != null) {
                    streamed.addAll(view == null || !live ? watch.fills()
                            : watch.awaitFills(view.filledQuantity(), FILL_LAG));
                }
            }
            BigDecimal streamedQuantity = streamed.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (streamedQuantity.compareTo(filled) >= 0) {
                return streamed;
            }
            if (live) {
                LOG.info("{}: the stream delivered {} of the {} filled on {} within {} ms; asking the venue",
                        request.venue(), streamedQuantity.toPlainString(), filled.toPlainString(), ids,
                        FILL_LAG.toMillis());
            }
            try {
                Instant since = (firstOrderAt != null ? firstOrderAt : started).minusSeconds(1);
                List<Fill> fetched = await(client.fillsSince(since), settings.confirmTimeout()).stream()
                        .filter(f -> ids.contains(f.clientOrderId())).toList();
                for (Fill fill : fetched) {
                    try {
                        gateway.journal().recordFill(fill);
                    } catch (RuntimeException e) {
                        LOG.warn("Fill {} on {} not journaled ({}); reconciliation will", fill.tradeId(),
                                request.venue(), e.getMessage());
                    }
                }
                return fetched;
            } catch (RuntimeException e) {
                LOG.warn("{}: fills of {} unavailable ({})", request.venue(), ids, describe(e));
                return streamed;
            }
        }

        private String id(String step) {
            return request.idPrefix() + "-" + step;
        }

        private BigDecimal rounded(BigDecimal quantity) {
            return request.instrument().roundQuantityDown(quantity.max(BigDecimal.ZERO));
        }
    }

    /** How a mode's work ended: the mode that finished it and why it fell short, if it did. */
    private record Outcome(ExecutionMode mode, String error) {
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout) {
        return Futures.await(future, timeout);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A submit that may or may not have placed the order: the venue could not say, or we stopped waiting. */
    private static boolean isUnknownOutcome(RuntimeException e) {
        Throwable cause = ExchangeException.unwrap(e);
        return cause instanceof dev.perpflow.exchange.error.UnknownOutcomeException
                || e.getCause() instanceof java.util.concurrent.TimeoutException
                || e.getCause() instanceof InterruptedException;
    }

    private static String describe(Throwable e) {
        Throwable cause = ExchangeException.unwrap(e);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
