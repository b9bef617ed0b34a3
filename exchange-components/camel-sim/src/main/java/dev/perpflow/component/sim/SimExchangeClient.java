package dev.perpflow.component.sim;

import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.StreamState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The simulated venue behind the {@link ExchangeClient} SPI: every call is answered after the configured latency,
 * injected {@link SimFaults} fire first, and stream events are delivered in order on the venue's own thread.
 * Real-time clients move the market with the wall clock; manual clients move only when a test advances the clock.
 */
public final class SimExchangeClient implements ExchangeClient, SimEventSink {

    private final SimExchange exchange;
    private final Clock clock;
    private final boolean realTime;
    private final SimFaults faults = new SimFaults();
    private final ScheduledExecutorService scheduler;
    private final SplittableRandom jitterRandom;
    private final List<BookSubscription> bookListeners = new CopyOnWriteArrayList<>();
    private final List<OrderEventListener> orderListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean streamsDown = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    private record BookSubscription(String symbol, BookListener listener) {
    }

    private SimExchangeClient(SimVenueConfig config, Clock clock, boolean realTime) {
        this.exchange = new SimExchange(config, clock.instant());
        this.clock = clock;
        this.realTime = realTime;
        this.jitterRandom = new SplittableRandom(config.seed() ^ 0x9E3779B97F4A7C15L);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sim-" + config.name());
            thread.setDaemon(true);
            return thread;
        });
        exchange.setSink(this);
    }

    /** A venue that moves with the wall clock once {@link #start()}ed. */
    public static SimExchangeClient realTime(SimVenueConfig config) {
        return new SimExchangeClient(config, Clock.systemUTC(), true);
    }

    /** A venue that moves only when {@link #advance(Duration)} (or the given clock) moves. */
    public static SimExchangeClient manual(SimVenueConfig config, SimClock clock) {
        return new SimExchangeClient(config, clock, false);
    }

    /** Starts the price and funding processes of a real-time venue. */
    public void start() {
        if (realTime && started.compareAndSet(false, true)) {
            long period = exchange.config().priceStep().toMillis();
            scheduler.scheduleAtFixedRate(this::syncTime, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Manual mode: moves the clock and runs everything due. */
    public void advance(Duration duration) {
        if (!(clock instanceof SimClock simClock)) {
            throw new IllegalStateException("advance() is for manual sim venues; real-time ones follow the wall clock");
        }
        simClock.advance(duration);
        syncTime();
    }

    public SimFaults faults() {
        return faults;
    }

    /** The engine, for tests and for the paper-trading fill engine. */
    public SimExchange exchange() {
        return exchange;
    }

    /** Drops the streams: listeners hear DISCONNECTED and then nothing until {@link #restoreStreams()}. */
    public void dropStreams() {
        if (streamsDown.compareAndSet(false, true)) {
            dispatch(() -> orderListeners.forEach(l -> l.onStreamState(StreamState.DISCONNECTED)));
        }
    }

    public void restoreStreams() {
        if (streamsDown.compareAndSet(true, false)) {
            dispatch(() -> orderListeners.forEach(l -> l.onStreamState(StreamState.CONNECTED)));
        }
    }

    @Override
    public String venue() {
        return exchange.config().name();
    }

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return call(exchange::instruments);
    }

    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return faults.publicDataHangs() ? new CompletableFuture<>() : call(exchange::fundingRates);
    }

    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        return faults.publicDataHangs() ? new CompletableFuture<>() : call(exchange::marketStats);
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return call(() -> exchange.book(symbol, depth));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return call(() -> exchange.book(symbol, 1).bbo().orElseThrow());
    }

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        if (faults.takeReject()) {
            return CompletableFuture.failedFuture(
                    new OrderRejectedException(venue(), request.clientOrderId(), "injected rejection"));
        }
        if (faults.takeAcceptThenTimeout()) {
            return respond(() -> {
                try {
                    exchange.submit(request);
                } catch (RuntimeException ignored) {
                    // the caller cannot know what happened either way: that is the point of this fault
                }
                throw new UnknownOutcomeException(venue(), request.clientOrderId(),
                        "injected timeout after the venue received the order", null);
            });
        }
        return call(() -> exchange.submit(request));
    }

    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return call(() -> exchange.cancel(symbol, clientOrderId));
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        return call(() -> exchange.query(symbol, clientOrderId));
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        return call(() -> exchange.openOrders(symbol));
    }

    @Override
    public CompletableFuture<List<Position>> positions() {
        return call(exchange::positions);
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return call(exchange::balances);
    }

    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return call(() -> exchange.fillsSince(since));
    }

    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return call(() -> exchange.setLeverage(symbol, leverage));
    }

    @Override
    public Subscription subscribeBook(String symbol, BookListener listener) {
        BookSubscription subscription = new BookSubscription(symbol, listener);
        bookListeners.add(subscription);
        return () -> bookListeners.remove(subscription);
    }

    @Override
    public Subscription subscribeOrders(OrderEventListener listener) {
        orderListeners.add(listener);
        if (!streamsDown.get()) {
            dispatch(() -> listener.onStreamState(StreamState.CONNECTED));
        }
        return () -> orderListeners.remove(listener);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    // --- engine events ---

    @Override
    public void onOrder(Order order) {
        deliver(() -> orderListeners.forEach(l -> l.onOrder(order)));
    }

    @Override
    public void onFill(Fill fill) {
        deliver(() -> orderListeners.forEach(l -> l.onFill(fill)));
    }

    @Override
    public void onPosition(Position position) {
        deliver(() -> orderListeners.forEach(l -> l.onPosition(position)));
    }

    @Override
    public void onBook(OrderBook book) {
        deliver(() -> bookListeners.stream().filter(s -> s.symbol().equals(book.symbol()))
                .forEach(s -> s.listener().onBook(book)));
    }

    @Override
    public boolean wantsBook(String symbol) {
        return !streamsDown.get() && bookListeners.stream().anyMatch(s -> s.symbol().equals(symbol));
    }

    // --- plumbing ---

    private void syncTime() {
        exchange.advanceTo(clock.instant());
    }

    private void deliver(Runnable event) {
        if (!streamsDown.get()) {
            dispatch(event);
        }
    }

    private void dispatch(Runnable event) {
        if (!scheduler.isShutdown()) {
            scheduler.execute(event);
        }
    }

    /** Runs an engine call after the venue's latency, with the fault checks every request goes through. */
    private <T> CompletableFuture<T> call(Supplier<T> action) {
        if (faults.takeFailure()) {
            return CompletableFuture.failedFuture(
                    new VenueUnavailableException(venue(), "injected failure: venue unreachable", null));
        }
        if (faults.takeRateLimit()) {
            return CompletableFuture.failedFuture(new RateLimitedException(venue(), faults.retryAfter()));
        }
        return respond(action);
    }

    /** Runs an engine call after the venue's latency. */
    private <T> CompletableFuture<T> respond(Supplier<T> action) {
        long delayMicros = latencyMicros();
        if (delayMicros == 0) {
            return run(action);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        scheduler.schedule(() -> run(action).whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }), delayMicros, TimeUnit.MICROSECONDS);
        return result;
    }

    private <T> CompletableFuture<T> run(Supplier<T> action) {
        try {
            syncTime();
            return CompletableFuture.completedFuture(action.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private long latencyMicros() {
        Duration latency = exchange.config().latency();
        Duration jitter = exchange.config().jitter();
        long micros = latency.toNanos() / 1_000;
        if (!jitter.isZero()) {
            synchronized (jitterRandom) {
                micros += jitterRandom.nextLong(jitter.toNanos() / 1_000 + 1);
            }
        }
        return micros;
    }
}
