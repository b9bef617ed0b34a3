package dev.perpflow.component.sim;

import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.http.VenueRateLimits;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A client trades one account of the venue: the one it was created with trades {@link SimExchange#DEFAULT_ACCOUNT},
 * {@link #forAccount(String)} gives the client of another account of the same venue (same markets, prices, faults
 * and latency; its own cash, positions, orders, fills and private stream).
 */
public final class SimExchangeClient implements ExchangeClient {

    /** What every account's client of one venue shares: the engine, the clock, the thread, faults and listeners. */
    private static final class Venue implements SimEventSink {
        private final SimExchange exchange;
        private final Clock clock;
        private final boolean realTime;
        private final SimFaults faults = new SimFaults();
        private final ScheduledExecutorService scheduler;
        private final SplittableRandom jitterRandom;
        private final List<BookSubscription> bookListeners = new CopyOnWriteArrayList<>();
        private final Map<String, List<OrderEventListener>> orderListeners = new ConcurrentHashMap<>();
        private final Map<String, SimExchangeClient> clients = new ConcurrentHashMap<>();
        private final AtomicBoolean streamsDown = new AtomicBoolean();
        private final AtomicBoolean started = new AtomicBoolean();

        Venue(SimVenueConfig config, Clock clock, boolean realTime) {
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

        List<OrderEventListener> listenersOf(String account) {
            return orderListeners.computeIfAbsent(account, a -> new CopyOnWriteArrayList<>());
        }

        @Override
        public void onOrder(String account, Order order) {
            deliver(() -> listenersOf(account).forEach(l -> l.onOrder(order)));
        }

        @Override
        public void onFill(String account, Fill fill) {
            deliver(() -> listenersOf(account).forEach(l -> l.onFill(fill)));
        }

        @Override
        public void onPosition(String account, Position position) {
            deliver(() -> listenersOf(account).forEach(l -> l.onPosition(position)));
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

        void deliver(Runnable event) {
            if (!streamsDown.get()) {
                dispatch(event);
            }
        }

        void dispatch(Runnable event) {
            if (!scheduler.isShutdown()) {
                scheduler.execute(event);
            }
        }

        void allOrderListeners(java.util.function.Consumer<OrderEventListener> action) {
            orderListeners.values().forEach(list -> list.forEach(action));
        }
    }

    private record BookSubscription(String symbol, BookListener listener) {
    }

    private final Venue shared;
    private final String account;
    private final SimExchange exchange;
    private final Clock clock;
    private final boolean realTime;
    private final SimFaults faults;
    private final ScheduledExecutorService scheduler;
    private final SplittableRandom jitterRandom;
    private final List<BookSubscription> bookListeners;
    private final List<OrderEventListener> orderListeners;
    private final AtomicBoolean streamsDown;
    private final AtomicBoolean started;

    private SimExchangeClient(Venue shared, String account) {
        this.shared = shared;
        this.account = account;
        this.exchange = shared.exchange;
        this.clock = shared.clock;
        this.realTime = shared.realTime;
        this.faults = shared.faults;
        this.scheduler = shared.scheduler;
        this.jitterRandom = shared.jitterRandom;
        this.bookListeners = shared.bookListeners;
        this.orderListeners = shared.listenersOf(account);
        this.streamsDown = shared.streamsDown;
        this.started = shared.started;
    }

    private SimExchangeClient(SimVenueConfig config, Clock clock, boolean realTime) {
        this(new Venue(config, clock, realTime), SimExchange.DEFAULT_ACCOUNT);
        shared.clients.put(SimExchange.DEFAULT_ACCOUNT, this);
    }

    /**
     * The client of another account of this venue (created with the venue's initial balance on first use). Calling
     * it again with the same name answers the same client; closing an account's client closes only its streams.
     */
    public SimExchangeClient forAccount(String accountName) {
        return shared.clients.computeIfAbsent(accountName, a -> new SimExchangeClient(shared, a));
    }

    /** The venue account this client trades. */
    public String account() {
        return account;
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

    /** Drops the venue's streams (every account's): listeners hear DISCONNECTED, then nothing until restored. */
    public void dropStreams() {
        if (streamsDown.compareAndSet(false, true)) {
            dispatch(() -> shared.allOrderListeners(l -> l.onStreamState(StreamState.DISCONNECTED)));
        }
    }

    public void restoreStreams() {
        if (streamsDown.compareAndSet(true, false)) {
            dispatch(() -> shared.allOrderListeners(l -> l.onStreamState(StreamState.CONNECTED)));
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
        return call(SimOperation.BOOK, () -> exchange.book(symbol, depth));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return call(SimOperation.BOOK, () -> exchange.book(symbol, 1).bbo().orElseThrow());
    }

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        SimFaults.Fault fault = faults.takeAimed(SimOperation.SUBMIT);
        if (fault == SimFaults.Fault.ACCEPT_THEN_HANG) {
            CompletableFuture<Order> lost = new CompletableFuture<>();
            respond(() -> exchange.submit(account, request));    // placed; the answer is dropped
            return lost;
        }
        if (fault != null) {
            return failed(fault, SimOperation.SUBMIT);
        }
        if (faults.takeReject()) {
            return CompletableFuture.failedFuture(
                    new OrderRejectedException(venue(), request.clientOrderId(), "injected rejection"));
        }
        if (faults.takeAcceptThenTimeout()) {
            return respond(() -> {
                try {
                    exchange.submit(account, request);
                } catch (RuntimeException ignored) {
                    // the caller cannot know what happened either way: that is the point of this fault
                }
                throw new UnknownOutcomeException(venue(), request.clientOrderId(),
                        "injected timeout after the venue received the order", null);
            });
        }
        return callUnaimed(() -> exchange.submit(account, request));
    }

    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return call(SimOperation.CANCEL, () -> exchange.cancel(account, symbol, clientOrderId));
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        return call(SimOperation.QUERY, () -> exchange.query(account, symbol, clientOrderId));
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        return call(SimOperation.OPEN_ORDERS, () -> exchange.openOrders(account, symbol));
    }

    @Override
    public CompletableFuture<List<Position>> positions() {
        return call(SimOperation.POSITIONS, () -> exchange.positions(account));
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return call(SimOperation.BALANCES, () -> exchange.balances(account));
    }

    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return call(SimOperation.FILLS, () -> exchange.fillsSince(account, since));
    }

    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return call(SimOperation.LEVERAGE, () -> exchange.setLeverage(account, symbol, leverage));
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

    /**
     * Closes the venue (its thread and every account's streams) when called on the venue's own client; on another
     * account's client, only that account's order listeners are dropped.
     */
    @Override
    public void close() {
        if (account.equals(SimExchange.DEFAULT_ACCOUNT)) {
            scheduler.shutdownNow();
        } else {
            orderListeners.clear();
        }
    }

    // --- plumbing ---

    private void syncTime() {
        exchange.advanceTo(clock.instant());
    }

    private void dispatch(Runnable event) {
        shared.dispatch(event);
    }

    /** Runs an engine call after the venue's latency, with the faults aimed at its operation checked first. */
    private <T> CompletableFuture<T> call(SimOperation operation, Supplier<T> action) {
        CompletableFuture<T> aimed = aimedFault(operation);
        return aimed != null ? aimed : callUnaimed(action);
    }

    /** A failed (or never completing) answer when a fault is aimed at this call of {@code operation}. */
    private <T> CompletableFuture<T> aimedFault(SimOperation operation) {
        SimFaults.Fault fault = faults.takeAimed(operation);
        return fault == null ? null : failed(fault, operation);
    }

    private <T> CompletableFuture<T> failed(SimFaults.Fault fault, SimOperation operation) {
        return switch (fault) {
            case RATE_LIMITED -> CompletableFuture.failedFuture(rateLimited());
            case UNAVAILABLE -> CompletableFuture.failedFuture(new VenueUnavailableException(venue(),
                    "injected failure: " + operation.name().toLowerCase(java.util.Locale.ROOT) + " unreachable", null));
            case HANG, ACCEPT_THEN_HANG -> new CompletableFuture<>();
            case CREDENTIALS_REFUSED -> CompletableFuture.failedFuture(new AuthenticationException(venue(),
                    "injected failure: the API key was refused (401)"));
        };
    }

    private <T> CompletableFuture<T> call(Supplier<T> action) {
        return callUnaimed(action);
    }

    /** Runs an engine call after the venue's latency, with the fault checks every request goes through. */
    private <T> CompletableFuture<T> callUnaimed(Supplier<T> action) {
        if (faults.inRateLimitStorm(clock.instant())) {
            return CompletableFuture.failedFuture(rateLimited());
        }
        if (faults.takeFailure()) {
            return CompletableFuture.failedFuture(
                    new VenueUnavailableException(venue(), "injected failure: venue unreachable", null));
        }
        if (faults.takeRateLimit()) {
            return CompletableFuture.failedFuture(rateLimited());
        }
        return respond(action);
    }

    /** The rate-limit answer this venue plays, counted as a real venue's would be ({@link VenueRateLimits}). */
    private RateLimitedException rateLimited() {
        VenueRateLimits.answered(venue());
        return new RateLimitedException(venue(), faults.retryAfter());
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
