package dev.perpflow.component.hyperliquid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.component.hyperliquid.client.HyperliquidActions;
import dev.perpflow.component.hyperliquid.client.HyperliquidRestApi;
import dev.perpflow.component.hyperliquid.dto.HyperliquidAssetCtx;
import dev.perpflow.component.hyperliquid.dto.HyperliquidExchangeResponse;
import dev.perpflow.component.hyperliquid.dto.HyperliquidMeta;
import dev.perpflow.component.hyperliquid.dto.HyperliquidMetaAndAssetCtxs;
import dev.perpflow.component.hyperliquid.dto.HyperliquidOrder;
import dev.perpflow.component.hyperliquid.dto.HyperliquidPredictedFunding;
import dev.perpflow.component.hyperliquid.dto.HyperliquidUserFunding;
import dev.perpflow.exchange.client.VenueExchangeClient;
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
import dev.perpflow.exchange.model.OrderType;
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
import java.util.concurrent.CompletionException;

/**
 * {@link dev.perpflow.exchange.ExchangeClient} for Hyperliquid perpetuals: the domain verbs on top of
 * {@link HyperliquidRestApi} (the venue's info and exchange endpoints, signing and budget) and
 * {@link HyperliquidAdapters} (payloads to the model), with {@link HyperliquidStreams} for the book and user streams.
 *
 * <p>Markets are {@code meta}'s universe (an asset's index is its id in actions), cached for ten minutes. One
 * {@code metaAndAssetCtxs} answer (weight 20) serves both halves of a funding poll; {@code predictedFundings} adds the
 * venue's predicted rate and next funding time when it answers. Orders are addressed by a cloid derived from the client
 * order id ({@link HyperliquidClientIds}); a market order is an IOC limit at the configured slippage from the mid.
 */
public final class HyperliquidExchangeClient extends VenueExchangeClient {

    static final Duration MARKETS_TTL = Duration.ofMinutes(10);
    private static final Duration CONTEXTS_REUSE = Duration.ofSeconds(2);
    private static final String IOC_UNMATCHED = "could not immediately match";

    private final HyperliquidConfiguration config;
    private final HyperliquidRestApi rest;
    private final HttpClient http;
    private final HyperliquidClientIds ids = new HyperliquidClientIds();
    private volatile Map<String, Integer> assets = Map.of();
    private CompletableFuture<HyperliquidMetaAndAssetCtxs> contexts;
    private Instant contextsAt = Instant.MIN;

    public HyperliquidExchangeClient(HyperliquidConfiguration config) {
        this(config, VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /** A client whose REST and WebSocket traffic all goes through {@code http} (an account's proxied client). */
    public HyperliquidExchangeClient(HyperliquidConfiguration config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    HyperliquidExchangeClient(HyperliquidConfiguration config, HttpClient http, Clock clock) {
        super(config.copy(), MARKETS_TTL, clock);
        this.config = (HyperliquidConfiguration) configuration();
        this.http = http;
        this.rest = new HyperliquidRestApi(this.config, http, clock);
    }

    /** A copy of the settings this client runs with. */
    public HyperliquidConfiguration config() {
        return config.copy();
    }

    /** The venue's endpoints as this client calls them (its budget included). */
    public HyperliquidRestApi restApi() {
        return rest;
    }

    // --- markets ---

    @Override
    protected CompletableFuture<List<Instrument>> loadMarkets() {
        return rest.getMeta().thenApply(meta -> {
            Map<String, Integer> indexes = new HashMap<>();
            List<Instrument> instruments = new ArrayList<>();
            List<HyperliquidMeta.Asset> universe = meta == null || meta.universe() == null ? List.of() : meta.universe();
            for (int i = 0; i < universe.size(); i++) {
                HyperliquidMeta.Asset asset = universe.get(i);
                if (HyperliquidAdapters.isListed(asset)) {
                    indexes.put(asset.name(), i);
                    instruments.add(HyperliquidAdapters.instrument(venue(), asset));
                }
            }
            assets = Map.copyOf(indexes);
            return instruments;
        });
    }

    // --- public market data ---

    /** Every market's hourly funding, with Hyperliquid's predicted rate and next funding time when available. */
    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        CompletableFuture<Map<String, HyperliquidPredictedFunding>> predicted = rest.getPredictedFundings()
                .thenApply(rows -> {
                    Map<String, HyperliquidPredictedFunding> own = new HashMap<>();
                    rows.stream().filter(row -> HyperliquidAdapters.OWN_VENUE.equals(row.venue()))
                            .forEach(row -> own.put(row.coin(), row));
                    return own;
                }).exceptionally(failure -> Map.of()); // the predicted rate is extra: its absence fails nothing
        return markets().snapshot().thenCompose(snapshot -> contexts().thenCombine(predicted, (ctxs, own) ->
                eachContext(snapshot, ctxs, (ctx, instrument) -> HyperliquidAdapters.fundingRate(venue(), ctx,
                        instrument, own.get(instrument.venueSymbol()), clock().instant()))));
    }

    /** 24 h notional volume and open interest (coins × mark) per market, in USD. */
    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        return markets().snapshot().thenCompose(snapshot -> contexts().thenApply(ctxs -> eachContext(snapshot, ctxs,
                (ctx, instrument) -> HyperliquidAdapters.marketStats(venue(), ctx, instrument, clock().instant()))));
    }

    private <R> List<R> eachContext(MarketCatalog.Snapshot snapshot, HyperliquidMetaAndAssetCtxs ctxs,
            java.util.function.BiFunction<HyperliquidAssetCtx, Instrument, R> adapt) {
        List<R> out = new ArrayList<>();
        List<HyperliquidMeta.Asset> universe = ctxs.meta().universe();
        for (int i = 0; i < universe.size() && i < ctxs.assetCtxs().size(); i++) {
            Instrument instrument = snapshot.byVenueSymbol().get(universe.get(i).name());
            HyperliquidAssetCtx ctx = ctxs.assetCtxs().get(i);
            if (instrument != null && ctx != null && ctx.funding() != null) {
                out.add(adapt.apply(ctx, instrument));
            }
        }
        return out;
    }

    /** The asset contexts: one request in flight, its answer reused for a moment. */
    private synchronized CompletableFuture<HyperliquidMetaAndAssetCtxs> contexts() {
        Instant now = clock().instant();
        boolean reusable = contexts != null && (!contexts.isDone()
                || (!contexts.isCompletedExceptionally() && now.isBefore(contextsAt.plus(CONTEXTS_REUSE))));
        if (!reusable) {
            contextsAt = now;
            contexts = rest.getMetaAndAssetCtxs();
        }
        return contexts;
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return instrument(symbol).thenCompose(instrument -> rest.getL2Book(instrument.venueSymbol())
                .thenApply(book -> HyperliquidAdapters.book(venue(), book, symbol, depth, clock().instant())));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return orderBook(symbol, 1).thenApply(book -> book.bbo()
                .orElseThrow(() -> new ExchangeException(venue(), symbol + " has an empty side in its book")));
    }

    // --- trading ---

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        Optional<String> holder = ids.claim(request.clientOrderId());
        if (holder.isPresent()) {
            return CompletableFuture.failedFuture(new OrderRejectedException(venue(), request.clientOrderId(),
                    "its cloid " + HyperliquidClientIds.cloid(request.clientOrderId()) + " is already used by "
                            + holder.get()));
        }
        return instrument(request.symbol()).thenCompose(instrument -> referencePrice(request, instrument)
                .thenCompose(reference -> {
                    Map<String, Object> wire = HyperliquidAdapters.orderWire(venue(), request, instrument,
                            asset(instrument), HyperliquidClientIds.cloid(request.clientOrderId()), reference,
                            config.getMarketSlippage());
                    BigDecimal sentPrice = new BigDecimal((String) wire.get("p"));
                    return rest.postOrder(HyperliquidActions.order(List.of(wire)), request.clientOrderId(),
                            request.critical()).thenApply(answer -> {
                                JsonNode status = firstStatus(answer);
                                if (status.has("error")) {
                                    String error = status.get("error").asText();
                                    if (error.contains(IOC_UNMATCHED)) {
                                        return HyperliquidAdapters.unmatched(venue(), request, error, clock().instant());
                                    }
                                    throw new CompletionException(rest.errors().fromText(request.clientOrderId(),
                                            "order " + request.clientOrderId() + " refused: " + error, error));
                                }
                                Order order = HyperliquidAdapters.submitted(venue(), request, status, sentPrice,
                                        clock().instant());
                                ids.order(Long.valueOf(order.venueOrderId()), request.clientOrderId());
                                return order;
                            });
                }));
    }

    /** The mid price a market order's limit is set from; none for a limit order. */
    private CompletableFuture<BigDecimal> referencePrice(OrderRequest request, Instrument instrument) {
        if (request.type() != OrderType.MARKET) {
            return CompletableFuture.completedFuture(null);
        }
        return bbo(request.symbol()).thenApply(Bbo::mid);
    }

    /** Cancels by cloid; an order that already ended answers with its final view. */
    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        ids.claim(clientOrderId);
        return instrument(symbol).thenCompose(instrument -> rest.postCancel(HyperliquidActions.cancelByCloid(
                asset(instrument), HyperliquidClientIds.cloid(clientOrderId)), clientOrderId).thenApply(answer -> {
                    JsonNode status = firstStatus(answer);
                    if (status.has("error")) {
                        String error = status.get("error").asText();
                        throw new CompletionException(rest.errors().fromText(clientOrderId, "cancel of " + clientOrderId
                                + " refused: " + error, error));
                    }
                    return status;
                })
                .thenCompose(done -> queryOrder(symbol, clientOrderId))
                // already filled or cancelled: the venue says so; its final view answers the cancel
                .exceptionallyCompose(failure -> ExchangeException.unwrap(failure) instanceof OrderNotFoundException
                        ? queryOrder(symbol, clientOrderId) : CompletableFuture.failedFuture(failure)));
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        ids.claim(clientOrderId);
        return instrument(symbol).thenCompose(instrument -> rest.getOrderStatus(
                HyperliquidClientIds.cloid(clientOrderId)).thenApply(answer -> {
                    if (answer == null || answer.order() == null || !"order".equals(answer.status())) {
                        throw new OrderNotFoundException(venue(), clientOrderId);
                    }
                    Order order = HyperliquidAdapters.order(venue(), answer.order(), symbol, clientOrderId);
                    ids.order(Long.valueOf(order.venueOrderId()), clientOrderId);
                    return order;
                }));
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        CompletableFuture<String> coin = symbol == null ? CompletableFuture.completedFuture(null)
                : instrument(symbol).thenApply(Instrument::venueSymbol);
        return markets().snapshot().thenCompose(snapshot -> coin.thenCompose(only -> rest.getFrontendOpenOrders()
                .thenApply(rows -> {
                    List<Order> out = new ArrayList<>();
                    for (HyperliquidOrder row : rows) {
                        Instrument instrument = snapshot.byVenueSymbol().get(row.coin());
                        if (instrument != null && !Boolean.TRUE.equals(row.isTrigger())
                                && (only == null || only.equals(row.coin()))) {
                            out.add(HyperliquidAdapters.openOrder(venue(), row, instrument.symbol(),
                                    ids.clientOrderId(row.cloid(), row.oid())));
                        }
                    }
                    return out;
                })));
    }

    // --- account ---

    @Override
    public CompletableFuture<List<Position>> positions() {
        return markets().snapshot().thenCompose(snapshot -> rest.getClearinghouseState().thenApply(state -> {
            List<Position> out = new ArrayList<>();
            for (var row : state.assetPositions() == null ? List.<dev.perpflow.component.hyperliquid.dto
                    .HyperliquidClearinghouseState.AssetPosition>of() : state.assetPositions()) {
                Instrument instrument = row.position() == null ? null
                        : snapshot.byVenueSymbol().get(row.position().coin());
                if (instrument != null && row.position().szi() != null && row.position().szi().signum() != 0) {
                    out.add(HyperliquidAdapters.position(venue(), row.position(), instrument.symbol(),
                            java.time.Instant.ofEpochMilli(state.time() == null ? clock().millis() : state.time())));
                }
            }
            return out;
        }));
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return rest.getClearinghouseState()
                .thenApply(state -> List.of(HyperliquidAdapters.balance(venue(), state, clock().instant())));
    }

    /** Fills since {@code since} (at most 2000, the venue's page), reported under the ids this client knows. */
    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return markets().snapshot().thenCompose(snapshot -> rest.getUserFillsByTime(since.toEpochMilli())
                .thenApply(rows -> ofListedMarkets(snapshot, rows, f -> f.coin(), (f, instrument) ->
                        HyperliquidAdapters.fill(venue(), f, instrument.symbol(), ids.clientOrderId(f.cloid(),
                                f.oid())))));
    }

    /** Funding payments of the account since {@code since} ({@code userFunding}: positive {@code usdc} received). */
    public CompletableFuture<List<HyperliquidUserFunding>> fundingPayments(Instant since) {
        return rest.getUserFunding(since.toEpochMilli());
    }

    /** Cross margin at {@code leverage}; the venue refuses more than the market's maximum. */
    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return instrument(symbol).thenCompose(instrument -> rest.postUpdateLeverage(
                HyperliquidActions.updateLeverage(asset(instrument), true, leverage)).thenApply(ok -> leverage));
    }

    // --- streams ---

    @Override
    protected VenueStreams newStreams() {
        return new HyperliquidStreams(this, rest, config.getWsUrl(), http);
    }

    // --- shared with the streams ---

    CompletableFuture<Instrument> instrument(String symbol) {
        return markets().bySymbol(symbol);
    }

    Optional<Instrument> instrumentOf(String coin) {
        return coin == null ? Optional.empty() : markets().byVenueSymbol(coin);
    }

    CompletableFuture<MarketCatalog.Snapshot> marketsLoaded() {
        return markets().snapshot();
    }

    String clientOrderId(String cloid, Long oid) {
        return ids.clientOrderId(cloid, oid);
    }

    /**
     * The perpflow id of a streamed fill's order. Fills name only the venue's {@code oid}, and a fill can arrive before
     * the answer to the order that made it (which teaches this client the oid): then the venue's {@code orderStatus}
     * by oid names the order's cloid, whose perpflow id was recorded before sending. Falls back to
     * {@link #clientOrderId} when that read fails or the order has no cloid.
     */
    CompletableFuture<String> resolveClientOrderId(String cloid, Long oid) {
        if (oid == null || ids.knows(cloid, oid)) {
            return CompletableFuture.completedFuture(ids.clientOrderId(cloid, oid));
        }
        return rest.getOrderStatus(oid).handle((status, failure) -> {
            String learned = failure == null && status != null && status.order() != null
                    && status.order().order() != null ? status.order().order().cloid() : null;
            return ids.clientOrderId(learned != null ? learned : cloid, oid);
        });
    }

    private int asset(Instrument instrument) {
        Integer index = assets.get(instrument.venueSymbol());
        if (index == null) {
            throw new MarketNotFoundException(venue(), instrument.symbol());
        }
        return index;
    }

    private JsonNode firstStatus(HyperliquidExchangeResponse answer) {
        JsonNode statuses = answer.response().path("data").path("statuses");
        if (!statuses.isArray() || statuses.isEmpty()) {
            throw new ExchangeException(venue(), "exchange answer has no status: " + answer.response());
        }
        JsonNode status = statuses.get(0);
        return status.isTextual() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("status", status.asText()) : status;
    }

    @Override
    public String toString() {
        return "HyperliquidExchangeClient[" + config.getRestUrl() + ", " + (config.isTestnet() ? "testnet" : "mainnet")
                + ", credentials=" + (config.hasCredentials() ? "set" : "none") + "]";
    }
}
