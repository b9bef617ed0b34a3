package dev.perpflow.component.lighter;

import dev.perpflow.component.lighter.client.LighterRestApi;
import dev.perpflow.component.lighter.dto.LighterFundingRates;
import dev.perpflow.component.lighter.dto.LighterMarket;
import dev.perpflow.component.lighter.dto.LighterOrder;
import dev.perpflow.component.lighter.dto.LighterPosition;
import dev.perpflow.component.lighter.dto.LighterTrade;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.client.NumericClientIds;
import dev.perpflow.exchange.client.VenueExchangeClient;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
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
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.stream.VenueStreams;
import dev.perpflow.lighter.signer.LighterTx;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link dev.perpflow.exchange.ExchangeClient} for Lighter's perpetuals: the domain verbs on top of
 * {@link LighterRestApi} (the venue's endpoints, signed transactions, nonces and budget) and {@link LighterAdapters},
 * with {@link LighterStreams} for the book and the account's private channels.
 *
 * <p>Orders are addressed by perpflow's client order id through Lighter's client order index, a number below 2^48
 * derived from the id ({@link NumericClientIds}). An order is a transaction: {@code sendTx} answers that it was
 * accepted, so a submit then asks the venue for the order by its client order index (briefly, while the sequencer
 * executes it) and answers with what it found, a rejection when the sequencer cancelled it for a reason (post-only
 * would cross, margin, reduce-only), or a NEW order when the venue has not reported it yet. Market orders carry a
 * price limit, {@code marketOrderSlippage} beyond the touch.
 */
public final class LighterExchangeClient extends VenueExchangeClient {

    static final Duration MARKETS_TTL = Duration.ofMinutes(10);
    private static final int LOOKUPS_AFTER_SEND = 10;
    private static final long LOOKUP_PAUSE_MILLIS = 100;
    private static final int TRADE_PAGE = 100;
    private static final int MAX_TRADE_PAGES = 10;
    private static final int HISTORY_LIMIT = 100;

    private final LighterConfiguration config;
    private final LighterRestApi rest;
    private final NumericClientIds ids = new NumericClientIds(LighterTx.MAX_CLIENT_ORDER_INDEX);
    private final HttpClient http;
    private final Map<String, LighterMarket> marketsBySymbol = new ConcurrentHashMap<>();
    private final Map<Integer, LighterMarket> marketsById = new ConcurrentHashMap<>();

    public LighterExchangeClient(LighterConfiguration config) {
        this(config, VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /** A client whose REST and WebSocket traffic all goes through {@code http} (an account's proxied client). */
    public LighterExchangeClient(LighterConfiguration config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    LighterExchangeClient(LighterConfiguration config, HttpClient http, Clock clock) {
        super(config.copy(), MARKETS_TTL, clock);
        this.config = (LighterConfiguration) configuration();
        this.http = http;
        this.rest = new LighterRestApi(this.config, http, clock);
        if (rest.hasCredentials()) {
            rest.nonces().warmUp(); // a venue in maintenance is only marked down: nothing here throws
        }
    }

    public LighterConfiguration config() {
        return config.copy();
    }

    /** The venue's endpoints as this client calls them (its budget and nonces included). */
    public LighterRestApi restApi() {
        return rest;
    }

    /** Whether transactions can be sent now: a nonce is known (false while the venue is down, e.g. maintenance). */
    public boolean isTradingAvailable() {
        return rest.hasCredentials() && rest.nonces().isReady();
    }

    @Override
    protected CompletableFuture<List<Instrument>> loadMarkets() {
        return rest.getOrderBookDetails().thenApply(details -> {
            List<Instrument> instruments = new ArrayList<>();
            for (LighterMarket market : details.orderBookDetails() == null ? List.<LighterMarket>of()
                    : details.orderBookDetails()) {
                if (LighterAdapters.isTradablePerpetual(market)) {
                    marketsBySymbol.put(market.symbol(), market);
                    marketsById.put(market.marketId(), market);
                    instruments.add(LighterAdapters.instrument(venue(), market));
                }
            }
            return instruments;
        });
    }

    // --- public market data ---

    /** Lighter's own rows of {@code funding-rates} (8 h fractions) as hourly rates, with fresh mark and index. */
    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return markets().snapshot().thenCompose(snapshot -> rest.getOrderBookDetails().thenCombine(
                rest.getFundingRates(), (details, rates) -> {
                    Map<Integer, LighterMarket> fresh = new java.util.HashMap<>();
                    if (details.orderBookDetails() != null) {
                        details.orderBookDetails().forEach(m -> fresh.put(m.marketId(), m));
                    }
                    List<FundingRate> out = new ArrayList<>();
                    for (LighterFundingRates.Row row : rates.fundingRates() == null
                            ? List.<LighterFundingRates.Row>of() : rates.fundingRates()) {
                        if (!"lighter".equals(row.exchange()) || row.rate() == null) {
                            continue;
                        }
                        LighterMarket market = row.marketId() == null ? null : fresh.get(row.marketId());
                        String venueSymbol = market != null ? market.symbol() : row.symbol();
                        Instrument instrument = snapshot.byVenueSymbol().get(venueSymbol);
                        if (instrument != null) {
                            out.add(LighterAdapters.fundingRate(venue(), row, instrument, market, clock().instant()));
                        }
                    }
                    return out;
                }));
    }

    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        return markets().snapshot().thenCompose(snapshot -> rest.getOrderBookDetails().thenApply(details ->
                ofListedMarkets(snapshot, details.orderBookDetails() == null ? List.of() : details.orderBookDetails(),
                        LighterMarket::symbol, (market, instrument) -> LighterAdapters.marketStats(venue(), market,
                                instrument, clock().instant()))));
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return market(symbol).thenCompose(market -> rest.getOrderBookOrders(market.marketId(), Math.min(250,
                        Math.max(depth * 5, 50)))
                .thenApply(orders -> LighterAdapters.book(venue(), orders, symbol, depth, clock().instant())));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return orderBook(symbol, 5).thenApply(book -> book.bbo().orElseThrow(() -> new ExchangeException(venue(),
                symbol + " has an empty side, no best bid and offer")));
    }

    // --- trading ---

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        Optional<String> collision = ids.claim(request.clientOrderId());
        if (collision.isPresent()) {
            return CompletableFuture.failedFuture(new OrderRejectedException(venue(), request.clientOrderId(),
                    "client order index " + ids.venueId(request.clientOrderId()) + " is already used by order "
                            + collision.get()));
        }
        long clientIndex = ids.venueId(request.clientOrderId());
        return instrument(request.symbol()).thenCompose(instrument -> market(request.symbol()).thenCompose(market -> {
            CompletableFuture<BigDecimal> worst = request.type() == OrderType.MARKET
                    ? bbo(request.symbol()).thenApply(bbo -> LighterAdapters.worstPrice(request.side(),
                            request.side() == Side.BUY ? bbo.ask() : bbo.bid(),
                            config.getMarketOrderSlippage(), instrument))
                    : CompletableFuture.completedFuture(null);
            return worst.thenCompose(limit -> {
                LighterAdapters.OrderDraft draft = LighterAdapters.createOrder(venue(), request, market, clientIndex,
                        limit, clock().instant());
                return rest.sendTx(draft::toTx, request.clientOrderId(), request.critical());
            }).thenCompose(sent -> lookUpSubmitted(request, clientIndex, LOOKUPS_AFTER_SEND));
        })).exceptionallyCompose(failure -> renamed(failure, request.symbol(), request.clientOrderId()));
    }

    /** The order the venue reports for a transaction just accepted (NEW while it reports none). */
    private CompletableFuture<Order> lookUpSubmitted(OrderRequest request, long clientIndex, int attempts) {
        // the transaction was accepted: a failed look-up leaves the order to the streams and the reconciliation
        return rest.getAccountOrders(List.of(clientIndex)).handle((found, failure) -> failure == null ? found : null)
                .thenCompose(found -> {
                    Optional<LighterOrder> order = found == null ? Optional.empty() : own(found.orders(), clientIndex);
                    boolean settled = order.isPresent() && !"in-progress".equals(order.get().status())
                            && !"pending".equals(order.get().status());
                    if (settled || attempts <= 1) {
                        return CompletableFuture.completedFuture(order.map(o -> refusedOrOrder(o, request))
                                .orElseGet(() -> LighterAdapters.accepted(venue(), request, clock().instant())));
                    }
                    return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(
                            LOOKUP_PAUSE_MILLIS, TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> lookUpSubmitted(request, clientIndex, attempts - 1));
                });
    }

    /** The venue's order, or the typed rejection when the sequencer cancelled it before anything filled. */
    private Order refusedOrOrder(LighterOrder venueOrder, OrderRequest request) {
        Order order = LighterAdapters.order(venue(), venueOrder, request.symbol(), request.clientOrderId());
        if (order.status() == OrderStatus.REJECTED) {
            if (LighterAdapters.isMarginRejection(venueOrder.status())) {
                throw new InsufficientMarginException(venue(), request.clientOrderId(), venueOrder.status());
            }
            throw new OrderRejectedException(venue(), request.clientOrderId(), venueOrder.status());
        }
        return order;
    }

    /** Cancels by client order index; an order that already ended answers with its final view. */
    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        ids.claim(clientOrderId);
        long clientIndex = ids.venueId(clientOrderId);
        return queryOrder(symbol, clientOrderId).thenCompose(current -> {
            if (!current.status().isWorking()) {
                return CompletableFuture.completedFuture(current);
            }
            return market(symbol).thenCompose(market -> rest.sendTx((account, apiKey, nonce, expiredAt) ->
                    new LighterTx.CancelOrder(account, apiKey, market.marketId(), clientIndex, expiredAt, nonce),
                    null, true)).thenCompose(sent -> untilEnded(symbol, clientOrderId, current, LOOKUPS_AFTER_SEND));
        }).exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    private CompletableFuture<Order> untilEnded(String symbol, String clientOrderId, Order last, int attempts) {
        return queryOrder(symbol, clientOrderId).exceptionally(failure -> last).thenCompose(order -> {
            if (!order.status().isWorking() || attempts <= 1) {
                return CompletableFuture.completedFuture(order);
            }
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(LOOKUP_PAUSE_MILLIS,
                    TimeUnit.MILLISECONDS)).thenCompose(ignored -> untilEnded(symbol, clientOrderId, order,
                    attempts - 1));
        });
    }

    /** By client order index ({@code accountOrders}), else among the market's active and recent ended orders. */
    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        ids.claim(clientOrderId);
        long clientIndex = ids.venueId(clientOrderId);
        return market(symbol).thenCompose(market -> rest.getAccountOrders(List.of(clientIndex))
                .thenCompose(found -> {
                    Optional<LighterOrder> order = own(found.orders(), clientIndex);
                    if (order.isPresent()) {
                        return CompletableFuture.completedFuture(order.get());
                    }
                    return rest.getAccountActiveOrders(market.marketId()).thenCompose(active -> own(active.orders(),
                            clientIndex).map(CompletableFuture::completedFuture).orElseGet(() -> rest
                            .getAccountInactiveOrders(market.marketId(), HISTORY_LIMIT).thenApply(ended ->
                                    own(ended.orders(), clientIndex).orElseThrow(() ->
                                            new OrderNotFoundException(venue(), clientOrderId)))));
                }).thenApply(o -> LighterAdapters.order(venue(), o, symbol, clientOrderId)))
                .exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    private static Optional<LighterOrder> own(List<LighterOrder> orders, long clientIndex) {
        return orders == null ? Optional.empty() : orders.stream()
                .filter(o -> o.clientOrderIndex() != null && o.clientOrderIndex() == clientIndex).findFirst();
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        CompletableFuture<Integer> marketId = symbol == null ? CompletableFuture.completedFuture(null)
                : market(symbol).thenApply(LighterMarket::marketId);
        return markets().snapshot().thenCompose(snapshot -> marketId.thenCompose(rest::getAccountActiveOrders)
                .thenApply(found -> {
                    List<Order> out = new ArrayList<>();
                    for (LighterOrder o : found.orders() == null ? List.<LighterOrder>of() : found.orders()) {
                        symbolOf(o.marketIndex()).ifPresent(s -> out.add(LighterAdapters.order(venue(), o, s,
                                clientOrderIdOf(o.clientOrderIndex(), o.orderIndex()))));
                    }
                    return out;
                }));
    }

    // --- account ---

    @Override
    public CompletableFuture<List<Position>> positions() {
        return markets().snapshot().thenCompose(snapshot -> rest.getAccount().thenApply(accounts -> {
            List<Position> out = new ArrayList<>();
            if (accounts.accounts() != null && !accounts.accounts().isEmpty()
                    && accounts.accounts().get(0).positions() != null) {
                for (LighterPosition p : accounts.accounts().get(0).positions()) {
                    if (p.position() != null && p.position().signum() != 0) {
                        symbolOf(p.marketId()).ifPresent(s -> out.add(LighterAdapters.position(venue(), p, s,
                                clock().instant())));
                    }
                }
            }
            return out;
        }));
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return rest.getAccount().thenApply(accounts -> {
            if (accounts.accounts() == null || accounts.accounts().isEmpty()) {
                throw new ExchangeException(venue(), "account " + rest.accountIndex() + " not found");
            }
            return List.of(LighterAdapters.balance(venue(), accounts.accounts().get(0), clock().instant()));
        });
    }

    /** This account's trades since {@code since}, oldest first, paged by cursor. */
    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return markets().snapshot().thenCompose(snapshot -> tradePage(since, null, 0, new ArrayList<>()));
    }

    private CompletableFuture<List<Fill>> tradePage(Instant since, String cursor, int page, List<Fill> collected) {
        return rest.getTrades(since.toEpochMilli(), TRADE_PAGE, cursor).thenCompose(trades -> {
            List<LighterTrade> rows = trades.trades() == null ? List.of() : trades.trades();
            long account = rest.accountIndex();
            for (LighterTrade trade : rows) {
                if (LighterAdapters.isOwn(trade, account)) {
                    symbolOf(trade.marketId()).map(s -> LighterAdapters.fill(venue(), trade, account, s,
                                    this::clientOrderIdOf)).filter(f -> !f.timestamp().isBefore(since))
                            .ifPresent(collected::add);
                }
            }
            return rows.size() == TRADE_PAGE && trades.nextCursor() != null && page + 1 < MAX_TRADE_PAGES
                    ? tradePage(since, trades.nextCursor(), page + 1, collected)
                    : CompletableFuture.completedFuture(collected);
        });
    }

    /**
     * Sets the market's initial margin fraction (UpdateLeverage, cross margin) for {@code leverage} clamped to the
     * market's maximum, and answers with the leverage applied.
     */
    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return instrument(symbol).thenCompose(instrument -> market(symbol).thenCompose(market -> {
            int applied = Math.max(1, Math.min(leverage, instrument.maxLeverage()));
            int fraction = LighterTx.MARGIN_FRACTION_TICK / applied;
            return rest.sendTx((account, apiKey, nonce, expiredAt) -> new LighterTx.UpdateLeverage(account, apiKey,
                    market.marketId(), fraction, LighterTx.CROSS_MARGIN, expiredAt, nonce), null, false)
                    .thenApply(sent -> applied);
        }));
    }

    // --- streams ---

    /** The private channels; fails fast without credentials (they need an auth token). */
    @Override
    public Subscription subscribeOrders(OrderEventListener listener) {
        if (!config.hasCredentials()) {
            throw new AuthenticationException(venue(), "the account stream needs credentials: set "
                    + LighterCredentials.PRIVATE_KEY_ENV + ", " + LighterCredentials.ACCOUNT_INDEX_ENV + " and "
                    + LighterCredentials.API_KEY_INDEX_ENV);
        }
        return super.subscribeOrders(listener);
    }

    @Override
    protected VenueStreams newStreams() {
        return new LighterStreams(this, rest, config.wsUrl(), http);
    }

    @Override
    public void close() {
        rest.nonces().close();
        super.close();
    }

    // --- shared with the streams ---

    CompletableFuture<Instrument> instrument(String symbol) {
        return markets().bySymbol(symbol);
    }

    /** The venue's market behind a perpflow symbol (its id and decimals). */
    CompletableFuture<LighterMarket> market(String symbol) {
        return instrument(symbol).thenApply(instrument -> {
            LighterMarket market = marketsBySymbol.get(instrument.venueSymbol());
            if (market == null) {
                throw new MarketNotFoundException(venue(), symbol);
            }
            return market;
        });
    }

    Optional<String> symbolOf(Integer marketId) {
        LighterMarket market = marketId == null ? null : marketsById.get(marketId);
        return market == null ? Optional.empty() : markets().byVenueSymbol(market.symbol()).map(Instrument::symbol);
    }

    CompletableFuture<MarketCatalog.Snapshot> marketsLoaded() {
        return markets().snapshot();
    }

    /** perpflow's client order id of a client order index (or of the venue's order index, without one). */
    String clientOrderIdOf(long clientIndex) {
        return ids.clientOrderId(clientIndex);
    }

    String clientOrderIdOf(Long clientIndex, Long orderIndex) {
        return clientIndex != null && clientIndex > 0 ? ids.clientOrderId(clientIndex) : venue() + "-" + orderIndex;
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
