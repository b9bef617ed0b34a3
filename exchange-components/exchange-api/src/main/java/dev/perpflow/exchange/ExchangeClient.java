package dev.perpflow.exchange;

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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The venue-neutral trading API every venue component implements (the seed's {@code BaseExchangeClient},
 * asynchronous). Symbols are the normalized base symbols of {@link Instrument#symbol()}; quantities are in
 * venue contract units.
 *
 * <p>Failures complete the future exceptionally with an {@link dev.perpflow.exchange.error.ExchangeException}
 * subtype. In particular a submit whose outcome is not known (timeout, 5xx after sending) fails with
 * {@link dev.perpflow.exchange.error.UnknownOutcomeException}: callers resolve it with
 * {@link #queryOrder(String, String)} and never by submitting again.
 */
public interface ExchangeClient extends AutoCloseable {

    /** The venue name this client talks to, e.g. {@code aster} or a sim instance name. */
    String venue();

    /**
     * Whether this client can trade (it has credentials). A public-data-only client answers {@code false}: its
     * trading and account calls fail naming what is missing, and nothing should subscribe to its order stream.
     */
    default boolean canTrade() {
        return true;
    }

    // --- public market data ---

    CompletableFuture<List<Instrument>> instruments();

    CompletableFuture<List<FundingRate>> fundingRates();

    CompletableFuture<List<MarketStats>> marketStats();

    CompletableFuture<OrderBook> orderBook(String symbol, int depth);

    CompletableFuture<Bbo> bbo(String symbol);

    // --- trading ---

    CompletableFuture<Order> submitOrder(OrderRequest request);

    /** Cancels by client order id; completes with the order's final view (which may be FILLED if a fill won the race). */
    CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId);

    /** Looks an order up by client order id; fails with {@code OrderNotFoundException} when the venue never saw it. */
    CompletableFuture<Order> queryOrder(String symbol, String clientOrderId);

    /** Working orders, for one symbol or for all when {@code symbol} is {@code null}. */
    CompletableFuture<List<Order>> openOrders(String symbol);

    // --- account ---

    CompletableFuture<List<Position>> positions();

    CompletableFuture<List<Balance>> balances();

    CompletableFuture<List<Fill>> fillsSince(Instant since);

    /** Sets the leverage for a market; completes with the leverage the venue actually applied. */
    CompletableFuture<Integer> setLeverage(String symbol, int leverage);

    // --- streams ---

    /** Streams book snapshots for a symbol until the subscription is closed. */
    Subscription subscribeBook(String symbol, BookListener listener);

    /** Streams the account's order, fill and position updates until the subscription is closed. */
    Subscription subscribeOrders(OrderEventListener listener);

    /** Closes connections; the client is unusable afterwards. */
    @Override
    void close();
}
