package dev.perpflow.component.sim.paper;

import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.error.ExchangeException;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paper trading on a real venue: public data (markets, funding, books) comes live from the venue's own client;
 * orders never reach the venue and are filled by a {@link PaperLedger} against the venue's live book with the
 * venue's fees. Resting limit orders are checked against a fresh book every {@code checkPeriod} and fill as maker
 * once the market trades through their price. No credentials are needed. This is what the seed's {@code dry_run}
 * means in perpflow.
 */
public final class PaperExchangeClient implements ExchangeClient {

    private static final Logger LOG = LoggerFactory.getLogger(PaperExchangeClient.class);
    private static final int BOOK_DEPTH = 50;

    private final ExchangeClient live;
    private final PaperLedger ledger;
    private final ScheduledExecutorService scheduler;
    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> checking = ConcurrentHashMap.newKeySet();
    private final boolean ownsLive;

    /** A paper account over {@code live}; closing it closes {@code live} too. */
    public PaperExchangeClient(ExchangeClient live, BigDecimal makerFee, BigDecimal takerFee, BigDecimal initialBalance,
            Duration checkPeriod, Clock clock) {
        this(live, makerFee, takerFee, initialBalance, checkPeriod, clock, true);
    }

    /** A paper account over a live client that others keep using: closing the paper account leaves it open. */
    public static PaperExchangeClient sharing(ExchangeClient live, BigDecimal makerFee, BigDecimal takerFee,
            BigDecimal initialBalance, Duration checkPeriod, Clock clock) {
        return new PaperExchangeClient(live, makerFee, takerFee, initialBalance, checkPeriod, clock, false);
    }

    private PaperExchangeClient(ExchangeClient live, BigDecimal makerFee, BigDecimal takerFee,
            BigDecimal initialBalance, Duration checkPeriod, Clock clock, boolean ownsLive) {
        this.ownsLive = ownsLive;
        this.live = live;
        this.ledger = new PaperLedger(live.venue(), makerFee, takerFee, initialBalance, clock, new Events());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, live.venue() + "-paper");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::checkRestingOrders, checkPeriod.toMillis(), checkPeriod.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("{}: PAPER mode: live market data, simulated fills (maker {}, taker {}), {} USDT paper balance",
                live.venue(), makerFee.toPlainString(), takerFee.toPlainString(), initialBalance.toPlainString());
    }

    /** The live client behind the paper account. */
    public ExchangeClient live() {
        return live;
    }

    @Override
    public String venue() {
        return live.venue();
    }

    // --- live public data ---

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return live.instruments();
    }

    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return live.fundingRates();
    }

    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        return live.marketStats();
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return live.orderBook(symbol, depth);
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return live.bbo(symbol);
    }

    @Override
    public Subscription subscribeBook(String symbol, BookListener listener) {
        return live.subscribeBook(symbol, listener);
    }

    // --- paper trading ---

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        return instrument(request.symbol()).thenCompose(instrument -> live.orderBook(request.symbol(), BOOK_DEPTH)
                .thenApply(book -> ledger.submit(request, instrument, book)));
    }

    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return call(() -> ledger.cancel(clientOrderId));
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        return call(() -> ledger.order(clientOrderId));
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        return call(() -> ledger.openOrders(symbol));
    }

    /** Positions marked at the live mid. */
    @Override
    public CompletableFuture<List<Position>> positions() {
        List<String> symbols = ledger.positionSymbols();
        List<CompletableFuture<Bbo>> marks = symbols.stream().map(live::bbo).toList();
        return CompletableFuture.allOf(marks.toArray(CompletableFuture[]::new)).handle((ok, failure) -> {
            marks.stream().filter(f -> !f.isCompletedExceptionally()).map(CompletableFuture::join)
                    .forEach(bbo -> ledger.mark(bbo.symbol(), bbo.mid()));
            return ledger.positions();
        });
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return positions().thenApply(ignored -> ledger.balances());
    }

    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return call(() -> ledger.fillsSince(since));
    }

    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return instrument(symbol).thenApply(instrument -> ledger.setLeverage(symbol,
                Math.min(leverage, instrument.maxLeverage())));
    }

    @Override
    public Subscription subscribeOrders(OrderEventListener listener) {
        listeners.add(listener);
        scheduler.execute(() -> listener.onStreamState(StreamState.CONNECTED));
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (ownsLive) {
            live.close();
        }
    }

    /** Fills resting orders whose price the live book traded through since the last check. */
    void checkRestingOrders() {
        for (String symbol : ledger.symbolsWithRestingOrders()) {
            if (!checking.add(symbol)) {
                continue;
            }
            live.orderBook(symbol, 1).whenComplete((book, failure) -> {
                checking.remove(symbol);
                if (failure != null) {
                    LOG.debug("{} paper: book of {} unavailable: {}", venue(), symbol, failure.toString());
                } else {
                    ledger.matchResting(book);
                }
            });
        }
    }

    private CompletableFuture<Instrument> instrument(String symbol) {
        return live.instruments().thenApply(all -> all.stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new dev.perpflow.exchange.error.MarketNotFoundException(venue(), symbol)));
    }

    private static <T> CompletableFuture<T> call(java.util.function.Supplier<T> action) {
        try {
            return CompletableFuture.completedFuture(action.get());
        } catch (ExchangeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private final class Events implements PaperLedger.Events {

        @Override
        public void onOrder(Order order) {
            each(l -> l.onOrder(order));
        }

        @Override
        public void onFill(Fill fill) {
            each(l -> l.onFill(fill));
        }

        @Override
        public void onPosition(Position position) {
            each(l -> l.onPosition(position));
        }

        private void each(Consumer<OrderEventListener> event) {
            if (scheduler.isShutdown()) {
                return;
            }
            scheduler.execute(() -> listeners.forEach(listener -> {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    LOG.error("{} paper: listener failed", venue(), e);
                }
            }));
        }
    }
}
