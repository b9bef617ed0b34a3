package dev.perpflow.component.backpack;

import dev.perpflow.component.backpack.client.BackpackRestApi;
import dev.perpflow.component.backpack.dto.BackpackFill;
import dev.perpflow.component.backpack.dto.BackpackMarkPrice;
import dev.perpflow.component.backpack.dto.BackpackOpenInterest;
import dev.perpflow.component.backpack.dto.BackpackOrder;
import dev.perpflow.component.backpack.dto.BackpackPosition;
import dev.perpflow.component.backpack.dto.BackpackTicker;
import dev.perpflow.exchange.client.VenueExchangeClient;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.market.MarketCatalog;
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
import dev.perpflow.exchange.stream.VenueStreams;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link dev.perpflow.exchange.ExchangeClient} for Backpack's perpetuals: the domain verbs on top of
 * {@link BackpackRestApi} (the venue's endpoints, Ed25519 signing and budget) and {@link BackpackAdapters}, with
 * {@link BackpackStreams} for the book and the signed account stream.
 *
 * <p>Orders are addressed by perpflow's client order id through Backpack's u32 {@code clientId}
 * ({@link BackpackClientIds}). Backpack publishes no REST request budget, so every call spends from one conservative
 * limiter ({@value BackpackConfiguration#REQUESTS_PER_PERIOD} requests per
 * {@value BackpackConfiguration#PERIOD_SECONDS} s by default).
 */
public final class BackpackExchangeClient extends VenueExchangeClient {

    public static final String LIMITER_NAME = "backpack-requests";
    public static final int REQUESTS_PER_PERIOD = BackpackConfiguration.REQUESTS_PER_PERIOD;
    public static final int PERIOD_SECONDS = BackpackConfiguration.PERIOD_SECONDS;
    static final Duration MARKETS_TTL = Duration.ofMinutes(10);
    private static final int FILL_PAGE = 1000;
    private static final int MAX_FILL_PAGES = 10;
    private static final int HISTORY_LIMIT = 200;
    private static final int[] DEPTH_LIMITS = {5, 10, 20, 50, 100, 500, 1000};

    private final BackpackConfiguration config;
    private final BackpackRestApi rest;
    private final BackpackClientIds ids = new BackpackClientIds();
    private final HttpClient http;

    public BackpackExchangeClient(BackpackConfiguration config) {
        this(config, VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /**
     * A client whose REST and WebSocket traffic all goes through {@code http}: an account's proxied client, for
     * example ({@code dev.perpflow.exchange.net.ProxiedHttpClients}).
     */
    public BackpackExchangeClient(BackpackConfiguration config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    BackpackExchangeClient(BackpackConfiguration config, HttpClient http, Clock clock) {
        super(config.copy(), MARKETS_TTL, clock);
        this.config = (BackpackConfiguration) configuration();
        this.http = http;
        this.rest = new BackpackRestApi(this.config, http, clock);
    }

    /** A copy of the settings this client runs with. */
    public BackpackConfiguration config() {
        return config.copy();
    }

    /** The venue's endpoints as this client calls them (its budget included). */
    public BackpackRestApi restApi() {
        return rest;
    }

    @Override
    protected CompletableFuture<List<Instrument>> loadMarkets() {
        return rest.getMarkets().thenApply(markets -> markets.stream().filter(BackpackAdapters::isTradablePerpetual)
                .map(market -> BackpackAdapters.instrument(venue(), market)).toList());
    }

    // --- public market data ---

    /** {@code markPrices}' rate for the current interval, with the market's own {@code fundingInterval}. */
    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return markets().snapshot().thenCompose(snapshot -> rest.getMarkPrices().thenApply(rows -> ofListedMarkets(
                snapshot, rows, BackpackMarkPrice::symbol, (row, instrument) -> row.fundingRate() == null ? null
                        : BackpackAdapters.fundingRate(venue(), row, instrument, clock().instant()))));
    }

    /** 24 h {@code quoteVolume} from the tickers and open interest (base units × mark price), in USD(C). */
    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        CompletableFuture<List<BackpackTicker>> tickers = rest.getTickers();
        CompletableFuture<List<BackpackMarkPrice>> marks = rest.getMarkPrices();
        CompletableFuture<List<BackpackOpenInterest>> openInterest = rest.getOpenInterest()
                .exceptionally(failure -> List.of()); // OI missing never fails the whole round
        return markets().snapshot().thenCompose(snapshot -> CompletableFuture.allOf(tickers, marks, openInterest)
                .thenApply(done -> {
                    Map<String, BigDecimal> mark = new HashMap<>();
                    marks.join().forEach(row -> mark.put(row.symbol(), row.markPrice()));
                    Map<String, BigDecimal> oiUsd = new HashMap<>();
                    for (BackpackOpenInterest row : openInterest.join()) {
                        if (row.openInterest() != null && mark.get(row.symbol()) != null) {
                            oiUsd.put(row.symbol(), row.openInterest().multiply(mark.get(row.symbol())));
                        }
                    }
                    List<MarketStats> stats = new ArrayList<>();
                    for (BackpackTicker ticker : tickers.join()) {
                        Instrument instrument = snapshot.byVenueSymbol().get(ticker.symbol());
                        if (instrument != null) {
                            stats.add(new MarketStats(venue(), instrument.symbol(), ticker.quoteVolume(),
                                    oiUsd.get(ticker.symbol()), clock().instant()));
                        }
                    }
                    return stats;
                }));
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return instrument(symbol).thenCompose(instrument -> rest.getDepth(instrument.venueSymbol(), depthLimit(depth, DEPTH_LIMITS))
                        .thenApply(book -> BackpackAdapters.book(venue(), book, symbol, depth, clock().instant())))
                .exceptionallyCompose(failure -> renamed(failure, symbol, null));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return orderBook(symbol, 5).thenApply(book -> book.bbo().orElseThrow(() -> new ExchangeException(venue(),
                symbol + " has an empty side, no best bid and offer")));
    }

    // --- trading ---

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        return instrument(request.symbol()).thenCompose(instrument -> {
            Optional<String> collision = ids.claim(request.clientOrderId());
            if (collision.isPresent()) {
                // nothing was sent: the caller picks another id
                return CompletableFuture.failedFuture(new OrderRejectedException(venue(), request.clientOrderId(),
                        "client id " + BackpackClientIds.venueId(request.clientOrderId())
                                + " is already used by order " + collision.get()));
            }
            return rest.postOrder(BackpackAdapters.orderBody(rest.mapper(), request, instrument.venueSymbol(),
                            BackpackClientIds.venueId(request.clientOrderId())), request.clientOrderId(),
                            request.critical())
                    .thenApply(o -> BackpackAdapters.order(venue(), o, request.symbol(), request.clientOrderId()));
        }).exceptionallyCompose(failure -> renamed(failure, request.symbol(), request.clientOrderId()));
    }

    /** Cancels by client id; an order that already ended answers with its final view from the order history. */
    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return instrument(symbol).thenCompose(instrument -> {
            ids.claim(clientOrderId);
            return rest.deleteOrder(instrument.venueSymbol(), BackpackClientIds.venueId(clientOrderId))
                    .thenApply(o -> BackpackAdapters.order(venue(), o, symbol, clientOrderId))
                    .exceptionallyCompose(failure -> ExchangeException.unwrap(failure) instanceof OrderNotFoundException
                            ? queryOrder(symbol, clientOrderId) : CompletableFuture.failedFuture(failure));
        }).exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    /** The resting order, else the order from the market's recent order history. */
    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        long clientId = BackpackClientIds.venueId(clientOrderId);
        return instrument(symbol).thenCompose(instrument -> {
            ids.claim(clientOrderId);
            return rest.getOrder(instrument.venueSymbol(), clientId)
                    .thenApply(o -> BackpackAdapters.order(venue(), o, symbol, clientOrderId))
                    .exceptionallyCompose(failure -> {
                        if (!(ExchangeException.unwrap(failure) instanceof OrderNotFoundException)) {
                            return CompletableFuture.failedFuture(failure);
                        }
                        return rest.getOrderHistory(instrument.venueSymbol(), HISTORY_LIMIT).thenApply(rows -> rows
                                .stream().filter(o -> String.valueOf(clientId).equals(o.clientId())).findFirst()
                                .map(o -> BackpackAdapters.order(venue(), o, symbol, clientOrderId))
                                .orElseThrow(() -> new OrderNotFoundException(venue(), clientOrderId)));
                    });
        }).exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        CompletableFuture<String> venueSymbol = symbol == null ? CompletableFuture.completedFuture(null)
                : instrument(symbol).thenApply(Instrument::venueSymbol);
        return markets().snapshot().thenCompose(snapshot -> venueSymbol.thenCompose(rest::getOpenOrders)
                .thenApply(rows -> ofListedMarkets(snapshot, rows, BackpackOrder::symbol, (row, instrument) ->
                        BackpackAdapters.order(venue(), row, instrument.symbol(), clientOrderIdOf(row.clientId(),
                                row.id())))));
    }

    // --- account ---

    @Override
    public CompletableFuture<List<Position>> positions() {
        return markets().snapshot().thenCompose(snapshot -> rest.getPositions().thenApply(rows -> ofListedMarkets(
                snapshot, rows, BackpackPosition::symbol, (row, instrument) -> row.netQuantity() == null
                        || row.netQuantity().signum() == 0 ? null
                        : BackpackAdapters.position(venue(), row, instrument.symbol(), clock().instant()))));
    }

    /** The account's USDC collateral: net equity (uPnL included) and what is available for new orders. */
    @Override
    public CompletableFuture<List<Balance>> balances() {
        return rest.getCollateral().thenApply(collateral -> List.of(BackpackAdapters.balance(venue(),
                collateral, clock().instant())));
    }

    /** Perpetual fills since {@code since} from the fill history, paged oldest first. */
    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return markets().snapshot().thenCompose(snapshot -> fillPage(snapshot, since, 0, new ArrayList<>()));
    }

    private CompletableFuture<List<Fill>> fillPage(MarketCatalog.Snapshot snapshot, Instant since, int page,
            List<Fill> collected) {
        return rest.getFills(since.toEpochMilli(), FILL_PAGE, page * FILL_PAGE).thenCompose(rows -> {
            for (BackpackFill row : rows) {
                Instrument instrument = snapshot.byVenueSymbol().get(row.symbol());
                if (instrument != null) {
                    Fill fill = BackpackAdapters.fill(venue(), row, instrument.symbol(),
                            clientOrderIdOf(row.clientId(), row.orderId()));
                    if (!fill.timestamp().isBefore(since)) {
                        collected.add(fill);
                    }
                }
            }
            return rows.size() == FILL_PAGE && page + 1 < MAX_FILL_PAGES
                    ? fillPage(snapshot, since, page + 1, collected) : CompletableFuture.completedFuture(collected);
        });
    }

    /**
     * Backpack's leverage is one limit for the whole account ({@code leverageLimit}), not per market: this sets it
     * to {@code leverage} clamped to the market's maximum and answers with the value applied.
     */
    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return instrument(symbol).thenCompose(instrument -> {
            int applied = Math.max(1, Math.min(leverage, instrument.maxLeverage()));
            return rest.patchLeverageLimit(applied).thenApply(ignored -> applied);
        });
    }

    // --- streams ---

    /** The signed account stream; fails fast without credentials (it cannot subscribe). */
    @Override
    public dev.perpflow.exchange.Subscription subscribeOrders(dev.perpflow.exchange.OrderEventListener listener) {
        if (!config.hasCredentials()) {
            throw new AuthenticationException(venue(), "the account stream needs credentials: set "
                    + BackpackCredentials.PUBLIC_KEY_ENV + " and " + BackpackCredentials.SECRET_KEY_ENV);
        }
        return super.subscribeOrders(listener);
    }

    @Override
    protected VenueStreams newStreams() {
        return new BackpackStreams(this, rest, config.wsUrl(), http);
    }

    // --- shared with the streams ---

    CompletableFuture<Instrument> instrument(String symbol) {
        return markets().bySymbol(symbol);
    }

    Optional<Instrument> instrumentOf(String venueSymbol) {
        return venueSymbol == null ? Optional.empty() : markets().byVenueSymbol(venueSymbol);
    }

    CompletableFuture<MarketCatalog.Snapshot> marketsLoaded() {
        return markets().snapshot();
    }

    /** perpflow's client order id of a venue u32 client id (or of its order id, without one). */
    String clientOrderIdOf(String clientId, String orderId) {
        if (clientId == null || clientId.isEmpty()) {
            return ids.clientOrderId(null, orderId);
        }
        try {
            return ids.clientOrderId(Long.valueOf(clientId), null);
        } catch (NumberFormatException e) {
            return clientId; // not Backpack's u32: reported as the venue wrote it
        }
    }

    /** Venue names in typed errors replaced by perpflow's (the decoder only sees the venue's request). */
    private <T> CompletableFuture<T> renamed(Throwable failure, String symbol, String clientOrderId) {
        Throwable cause = ExchangeException.unwrap(failure);
        if (cause instanceof MarketNotFoundException missing && !symbol.equals(missing.symbol())) {
            return CompletableFuture.failedFuture(new MarketNotFoundException(venue(), symbol));
        }
        if (cause instanceof OrderNotFoundException missing && clientOrderId != null
                && !clientOrderId.equals(missing.clientOrderId())) {
            return CompletableFuture.failedFuture(new OrderNotFoundException(venue(), clientOrderId));
        }
        return CompletableFuture.failedFuture(cause);
    }
}
