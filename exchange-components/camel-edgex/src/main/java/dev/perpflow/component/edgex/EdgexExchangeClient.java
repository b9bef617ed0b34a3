package dev.perpflow.component.edgex;

import dev.perpflow.component.edgex.client.EdgexRestApi;
import dev.perpflow.component.edgex.dto.EdgexFill;
import dev.perpflow.component.edgex.dto.EdgexMetaData;
import dev.perpflow.component.edgex.dto.EdgexOrder;
import dev.perpflow.component.edgex.dto.EdgexTicker;
import dev.perpflow.exchange.client.VenueExchangeClient;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
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
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.stream.VenueStreams;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link dev.perpflow.exchange.ExchangeClient} for EdgeX's perpetuals on its v2 API: the domain verbs on
 * {@link EdgexRestApi} (endpoints, wrapper, HMAC, budget), {@link EdgexAdapters} and the EIP-712 order signature, with
 * {@link EdgexStreams} for the book and the private stream. EdgeX names contracts by id: an instrument's venue symbol
 * is its {@code contractId}. Orders carry perpflow's client order id as {@code clientOrderId}.
 */
public final class EdgexExchangeClient extends VenueExchangeClient {

    static final Duration MARKETS_TTL = Duration.ofMinutes(10);
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;

    private final EdgexConfiguration config;
    private final EdgexRestApi rest;
    private final HttpClient http;
    private volatile EdgexMetaData metadata;

    public EdgexExchangeClient(EdgexConfiguration config) {
        this(config, VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    public EdgexExchangeClient(EdgexConfiguration config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    EdgexExchangeClient(EdgexConfiguration config, HttpClient http, Clock clock) {
        super(config.copy(), MARKETS_TTL, clock);
        this.config = (EdgexConfiguration) configuration();
        this.http = http;
        this.rest = new EdgexRestApi(this.config, http, clock);
    }

    public EdgexConfiguration config() {
        return config.copy();
    }

    public EdgexRestApi restApi() {
        return rest;
    }

    @Override
    protected CompletableFuture<List<Instrument>> loadMarkets() {
        return rest.getMetaData().thenApply(meta -> {
            metadata = meta;
            return meta.contractList() == null ? List.<Instrument>of() : meta.contractList().stream()
                    .filter(EdgexAdapters::isTradable).map(c -> EdgexAdapters.instrument(venue(), c)).toList();
        });
    }

    // --- public market data ---

    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return markets().snapshot().thenCompose(snapshot -> rest.getTicker(null).thenApply(rows -> ofListedMarkets(
                snapshot, rows, EdgexTicker::contractId, (row, instrument) -> row.fundingRate() == null ? null
                        : EdgexAdapters.fundingRate(venue(), row, instrument, clock().instant()))));
    }

    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        return markets().snapshot().thenCompose(snapshot -> rest.getTicker(null).thenApply(rows -> ofListedMarkets(
                snapshot, rows, EdgexTicker::contractId,
                (row, instrument) -> EdgexAdapters.marketStats(venue(), row, instrument, clock().instant()))));
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return instrument(symbol).thenCompose(instrument -> rest.getDepth(instrument.venueSymbol(), depth <= 15 ? 15 : 200)
                .thenApply(rows -> {
                    if (rows == null || rows.isEmpty()) {
                        throw new ExchangeException(venue(), "getDepth answered no book for " + symbol);
                    }
                    return EdgexAdapters.book(venue(), rows.get(0), symbol, depth, clock().instant());
                })).exceptionallyCompose(failure -> renamed(failure, symbol, null));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return orderBook(symbol, 5).thenApply(book -> book.bbo().orElseThrow(() -> new ExchangeException(venue(),
                symbol + " has an empty side, no best bid and offer")));
    }

    // --- trading ---

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        if (!config.hasCredentials()) {
            return CompletableFuture.failedFuture(missing());
        }
        return instrument(request.symbol()).thenCompose(instrument -> {
            EdgexMetaData meta = metadata;
            EdgexMetaData.Contract contract = contract(meta, instrument.venueSymbol());
            EdgexMetaData.Coin quote = meta.coinList().stream().filter(c -> c.coinId().equals(contract.quoteCoinId()))
                    .findFirst().orElseThrow(() -> new ExchangeException(venue(), "metadata has no coin "
                            + contract.quoteCoinId()));
            return l2Price(request, contract).thenCompose(price -> {
                EdgexAdapters.OrderPlan plan = EdgexAdapters.orderPlan(rest.mapper(), request, contract, quote,
                        rest.credentials().accountId(), price, clock().instant());
                String chainId = meta.global().nativeChainId() != null && !meta.global().nativeChainId().isBlank()
                        ? meta.global().nativeChainId() : meta.global().chainId();
                plan.body().put("l2Signature", rest.signer().signOrder(chainId, meta.global().contractAddress(),
                        plan.params()));
                return rest.postCreateOrder(plan.body(), request.clientOrderId(), request.critical());
            }).thenCompose(created -> queryOrder(request.symbol(), request.clientOrderId())
                    .exceptionally(failure -> {
                        // accepted: the order exists even if it cannot be read back yet
                        return new Order(venue(), request.clientOrderId(), created == null ? null : created.orderId(),
                                request.symbol(), request.side(), request.type(), request.timeInForce(),
                                request.quantity(), request.price(), BigDecimal.ZERO, null,
                                dev.perpflow.exchange.model.OrderStatus.NEW, request.reduceOnly(), null,
                                clock().instant(), clock().instant());
                    }));
        }).exceptionallyCompose(failure -> renamed(failure, request.symbol(), request.clientOrderId()));
    }

    /** The limit price, or a market order's worst price (the SDK's rule: 10 × oracle to buy, one tick to sell). */
    private CompletableFuture<BigDecimal> l2Price(OrderRequest request, EdgexMetaData.Contract contract) {
        if (request.type() == OrderType.LIMIT) {
            return CompletableFuture.completedFuture(request.price());
        }
        if (request.side() == Side.SELL) {
            return CompletableFuture.completedFuture(contract.tickSize());
        }
        return rest.getTicker(contract.contractId()).thenApply(rows -> {
            BigDecimal oracle = rows == null || rows.isEmpty() ? null : rows.get(0).oraclePrice();
            if (oracle == null) {
                throw new ExchangeException(venue(), "no oracle price for a market order on " + request.symbol());
            }
            return oracle.multiply(BigDecimal.TEN).setScale(contract.tickSize().stripTrailingZeros().scale(),
                    RoundingMode.HALF_UP);
        });
    }

    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return instrument(symbol).thenCompose(instrument -> rest.postCancelOrderByClientOrderId(clientOrderId)
                .exceptionallyCompose(failure -> ExchangeException.unwrap(failure) instanceof OrderNotFoundException
                        ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure))
                .thenCompose(ignored -> queryOrder(symbol, clientOrderId)))
                .exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        return instrument(symbol).thenCompose(instrument -> rest.getOrderByClientOrderId(clientOrderId)
                .thenApply(rows -> rows == null ? List.<EdgexOrder>of() : rows).thenApply(rows -> rows.stream()
                        .filter(o -> clientOrderId.equals(o.clientOrderId())).findFirst()
                        .map(o -> EdgexAdapters.order(venue(), o, symbol))
                        .orElseThrow(() -> new OrderNotFoundException(venue(), clientOrderId))))
                .exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        CompletableFuture<String> contract = symbol == null ? CompletableFuture.completedFuture(null)
                : instrument(symbol).thenApply(Instrument::venueSymbol);
        return markets().snapshot().thenCompose(snapshot -> contract.thenCompose(id -> rest.getActiveOrderPage(id, PAGE))
                .thenApply(page -> ofListedMarkets(snapshot, page.rows(), EdgexOrder::contractId,
                        (row, instrument) -> EdgexAdapters.order(venue(), row, instrument.symbol()))));
    }

    // --- account ---

    @Override
    public CompletableFuture<List<Position>> positions() {
        return markets().snapshot().thenCompose(snapshot -> rest.getAccountAsset().thenApply(asset -> {
            List<Position> positions = new ArrayList<>();
            if (asset.positionList() != null) {
                for (var entry : asset.positionList()) {
                    Instrument instrument = snapshot.byVenueSymbol().get(entry.contractId());
                    if (instrument == null || entry.openSize() == null || entry.openSize().signum() == 0) {
                        continue;
                    }
                    var view = asset.positionAssetList() == null ? null : asset.positionAssetList().stream()
                            .filter(a -> entry.contractId().equals(a.contractId())).findFirst().orElse(null);
                    positions.add(EdgexAdapters.position(venue(), entry, view, instrument.symbol(), clock().instant()));
                }
            }
            return positions;
        }));
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return rest.getAccountAsset().thenApply(asset -> asset.collateralAssetModelList() == null ? List.<Balance>of()
                : asset.collateralAssetModelList().stream()
                        .map(c -> EdgexAdapters.balance(venue(), c, clock().instant())).toList());
    }

    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return markets().snapshot().thenCompose(snapshot -> fillPage(snapshot, since, null, 0, new ArrayList<>()));
    }

    private CompletableFuture<List<Fill>> fillPage(MarketCatalog.Snapshot snapshot, Instant since, String offset,
            int page, List<Fill> collected) {
        return rest.getHistoryOrderFillTransactionPage(since.toEpochMilli(), PAGE, offset).thenCompose(rows -> {
            for (EdgexFill row : rows.rows()) {
                Instrument instrument = snapshot.byVenueSymbol().get(row.contractId());
                if (instrument != null) {
                    Fill fill = EdgexAdapters.fill(venue(), row, instrument.symbol(), row.clientOrderId());
                    if (!fill.timestamp().isBefore(since)) {
                        collected.add(fill);
                    }
                }
            }
            String next = rows.nextPageOffsetData();
            return next != null && !next.isEmpty() && page + 1 < MAX_PAGES
                    ? fillPage(snapshot, since, next, page + 1, collected) : CompletableFuture.completedFuture(collected);
        });
    }

    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return instrument(symbol).thenCompose(instrument -> {
            int applied = Math.max(1, Math.min(leverage, instrument.maxLeverage()));
            return rest.postUpdateLeverageSetting(instrument.venueSymbol(), applied).thenApply(ignored -> applied);
        }).exceptionallyCompose(failure -> renamed(failure, symbol, null));
    }

    // --- streams ---

    @Override
    public dev.perpflow.exchange.Subscription subscribeOrders(dev.perpflow.exchange.OrderEventListener listener) {
        if (!config.hasCredentials()) {
            throw missing();
        }
        return super.subscribeOrders(listener);
    }

    @Override
    protected VenueStreams newStreams() {
        return new EdgexStreams(this, rest, config.wsUrl(), http, clock());
    }

    // --- shared with the streams ---

    CompletableFuture<Instrument> instrument(String symbol) {
        return markets().bySymbol(symbol);
    }

    Optional<Instrument> instrumentOf(String contractId) {
        return contractId == null ? Optional.empty() : markets().byVenueSymbol(contractId);
    }

    CompletableFuture<MarketCatalog.Snapshot> marketsLoaded() {
        return markets().snapshot();
    }

    private EdgexMetaData.Contract contract(EdgexMetaData meta, String contractId) {
        return meta.contractList().stream().filter(c -> contractId.equals(c.contractId())).findFirst()
                .orElseThrow(() -> new ExchangeException(venue(), "metadata has no contract " + contractId));
    }

    private AuthenticationException missing() {
        return new AuthenticationException(venue(), "trading needs credentials: set " + EdgexCredentials.ACCOUNT_ID_ENV
                + ", " + EdgexCredentials.API_KEY_ENV + ", " + EdgexCredentials.API_PASSPHRASE_ENV + ", "
                + EdgexCredentials.API_SECRET_ENV + " and " + EdgexCredentials.TRADING_PRIVATE_KEY_ENV);
    }

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
