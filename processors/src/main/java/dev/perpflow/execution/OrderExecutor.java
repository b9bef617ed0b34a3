package dev.perpflow.execution;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
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
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Works one order on one venue in a chosen {@link ExecutionMode}, every order through the {@link OrderGateway}
 * (journaled before it is sent, deterministic client ids {@code <prefix>-<step>}). Runs on the given executor;
 * waiting is polling the venue at the configured interval.
 */
public final class OrderExecutor {

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

    /**
     * Executes until done or until {@code stop} is set (checked at every poll): then working orders are cancelled
     * and the result reports what filled. The atomic executor stops the other legs this way once one leg filled.
     */
    public CompletableFuture<ExecutionResult> execute(ExecutionRequest request, AtomicBoolean stop) {
        return CompletableFuture.supplyAsync(() -> new Run(request, stop).run(), workers);
    }

    /** One execution's state: the orders it sent and when it started. */
    private final class Run {
        private final ExecutionRequest request;
        private final ExchangeClient client;
        private final Instant started;
        private final List<String> ids = new ArrayList<>();
        private BigDecimal expected;
        private BigDecimal filled = BigDecimal.ZERO;
        /** Earliest creation time the venue reported for our orders, in the venue's clock. */
        private Instant firstOrderAt;

        private final AtomicBoolean stop;

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
            try {
                Bbo bbo = await(client.bbo(request.symbol()), settings.confirmTimeout());
                expected = request.side() == Side.BUY ? bbo.ask() : bbo.bid();
                String wide = SpreadGuard.check(bbo, request.critical());
                if (wide != null) {
                    return result(request.mode(), wide);
                }
                return switch (request.mode()) {
                    case MARKET -> market(request.quantity(), "m");
                    case SIMPLE_LIMIT -> simpleLimit(bbo, request.quantity(), "l", settings.simpleLimitTimeout());
                    case AGGRESSIVE_LIMIT -> aggressiveLimit();
                };
            } catch (RuntimeException e) {
                return result(request.mode(), describe(e));
            }
        }

        private ExecutionResult market(BigDecimal quantity, String step) {
            Order order = send(OrderRequest.market(id(step), request.symbol(), request.side(), quantity,
                    request.reduceOnly()), expected);
            order = awaitTerminal(order, settings.confirmTimeout());
            BigDecimal remaining = rounded(request.quantity().subtract(filled));
            if (order.status() == OrderStatus.CANCELED && remaining.signum() > 0 && !step.endsWith("-rest")) {
                // the venue cut the market order (slippage protection): the remainder goes as a limit order
                Bbo bbo = await(client.bbo(request.symbol()), settings.confirmTimeout());
                return simpleLimit(bbo, remaining, step + "-rest", settings.simpleLimitTimeout());
            }
            return result(ExecutionMode.MARKET, null);
        }

        private ExecutionResult simpleLimit(Bbo bbo, BigDecimal quantity, String step, Duration timeout) {
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
            return result(ExecutionMode.SIMPLE_LIMIT, isFilled() ? null : "limit order not filled within "
                    + timeout.toSeconds() + " s (" + order.status() + ")");
        }

        private ExecutionResult aggressiveLimit() {
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
                market(rest, "mf-rest");
                return result(ExecutionMode.MARKET, isFilled() ? null : "market fallback did not fill the remainder");
            }
            return result(ExecutionMode.AGGRESSIVE_LIMIT, isFilled() ? null : "not filled");
        }

        private Order send(OrderRequest order, BigDecimal referencePrice) {
            ids.add(order.clientOrderId());
            Order sent = await(gateway.submit(new OrderIntent(request.venue(), order, request.purpose(), referencePrice,
                    request.instrument().quantityMultiplier())), settings.confirmTimeout().plusSeconds(30));
            if (sent.createdAt() != null && (firstOrderAt == null || sent.createdAt().isBefore(firstOrderAt))) {
                firstOrderAt = sent.createdAt();
            }
            track(sent);
            return sent;
        }

        private Order awaitTerminal(Order order, Duration timeout) {
            Instant until = Instant.now().plus(timeout);
            Order current = order;
            while (current.status().isWorking() && Instant.now().isBefore(until) && !stop.get()) {
                sleep(settings.pollInterval());
                current = await(gateway.refresh(request.venue(), request.symbol(), current.clientOrderId()),
                        settings.confirmTimeout());
                track(current);
            }
            return current;
        }

        private Order cancel(Order order) {
            Order cancelled = await(gateway.cancel(request.venue(), request.symbol(), order.clientOrderId()),
                    settings.confirmTimeout());
            track(cancelled);
            return cancelled;
        }

        /** Keeps the running filled total from the orders' own reports (the last view of each order wins). */
        private void track(Order order) {
            BigDecimal total = BigDecimal.ZERO;
            for (String id : ids) {
                BigDecimal orderFilled = id.equals(order.clientOrderId()) ? order.filledQuantity()
                        : gateway.journal().find(request.venue(), id).map(JournaledOrder::filledQuantity)
                                .orElse(BigDecimal.ZERO);
                total = total.add(orderFilled);
            }
            filled = total;
        }

        private boolean isFilled() {
            return filled.compareTo(request.quantity().multiply(settings.fillThreshold())) >= 0;
        }

        private ExecutionResult result(ExecutionMode used, String error) {
            Instant since = (firstOrderAt != null ? firstOrderAt : started).minusSeconds(1);
            List<Fill> fills = ids.isEmpty() ? List.of() : await(client.fillsSince(since), settings.confirmTimeout())
                    .stream().filter(f -> ids.contains(f.clientOrderId())).toList();
            fills.forEach(gateway.journal()::recordFill);
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
            BigDecimal average = quantity.signum() == 0 ? null : notional.divide(quantity, MathContext.DECIMAL64);
            BigDecimal slippage = average == null || expected == null ? BigDecimal.ZERO
                    : average.subtract(expected).abs().multiply(quantity)
                            .multiply(request.instrument().quantityMultiplier());
            boolean done = quantity.compareTo(request.quantity().multiply(settings.fillThreshold())) >= 0;
            return new ExecutionResult(done, quantity, average, fees, expected, slippage, maker,
                    quantity.subtract(maker), used, Duration.between(started, Instant.now()), List.copyOf(ids),
                    done ? null : error);
        }

        private String id(String step) {
            return request.idPrefix() + "-" + step;
        }

        private BigDecimal rounded(BigDecimal quantity) {
            return request.instrument().roundQuantityDown(quantity.max(BigDecimal.ZERO));
        }
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout) {
        return Futures.await(future, timeout);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = ExchangeException.unwrap(e);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
