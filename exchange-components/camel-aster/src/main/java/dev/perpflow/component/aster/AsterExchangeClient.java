package dev.perpflow.component.aster;

import dev.perpflow.component.aster.client.AsterRestApi;
import dev.perpflow.component.aster.dto.AsterExchangeInfo;
import dev.perpflow.component.aster.dto.AsterFundingInfo;
import dev.perpflow.component.aster.dto.AsterLeverageBracket;
import dev.perpflow.component.aster.dto.AsterOrder;
import dev.perpflow.component.aster.dto.AsterPositionRisk;
import dev.perpflow.component.aster.dto.AsterPremiumIndex;
import dev.perpflow.component.aster.dto.AsterTicker24h;
import dev.perpflow.exchange.client.VenueExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
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
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.stream.VenueStreams;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.perpflow.exchange.ExchangeClient} for Aster's futures API (Binance USD-M compatible): the domain verbs
 * on top of {@link AsterRestApi} (the venue's endpoints, signing and budget) and {@link AsterAdapters} (payloads to
 * the model), with {@link AsterStreams} for the book and user streams.
 *
 * <p>Orders are addressed by client order id ({@code newClientOrderId} / {@code origClientOrderId}). Markets are
 * {@code exchangeInfo} joined with {@code fundingInfo} (symbols not listed settle every 8 h) and, with credentials,
 * {@code leverageBracket}; cached for ten minutes. One {@code premiumIndex} answer (weight 10) serves both halves of
 * a funding poll.
 */
public final class AsterExchangeClient extends VenueExchangeClient {

    private static final Logger LOG = LoggerFactory.getLogger(AsterExchangeClient.class);
    /** Aster's REST budget: 2400 request weight per minute per IP. */
    public static final int WEIGHT_PER_MINUTE = AsterConfiguration.WEIGHT_PER_MINUTE;
    static final Duration MARKETS_TTL = Duration.ofMinutes(10);
    /** Max leverage assumed without credentials (leverage brackets are a signed endpoint). */
    static final int DEFAULT_MAX_LEVERAGE = 20;
    private static final int DEFAULT_FUNDING_INTERVAL_HOURS = 8;
    /** How long one {@code premiumIndex} answer serves funding and stats (a poll asks for both at once). */
    private static final Duration PREMIUM_INDEX_REUSE = Duration.ofSeconds(2);
    private static final int[] DEPTH_LIMITS = {5, 10, 20, 50, 100, 500, 1000};

    private final AsterConfiguration config;
    private final AsterRestApi rest;
    private final HttpClient http;
    private final AsterTradeHistory history;
    private CompletableFuture<List<AsterPremiumIndex>> premiumIndex;
    private Instant premiumIndexAt = Instant.MIN;

    public AsterExchangeClient(AsterConfiguration config) {
        this(config, VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /**
     * A client whose REST and WebSocket traffic all goes through {@code http}: an account's proxied client, for
     * example ({@code dev.perpflow.exchange.net.ProxiedHttpClients}).
     */
    public AsterExchangeClient(AsterConfiguration config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    AsterExchangeClient(AsterConfiguration config, HttpClient http, Clock clock) {
        super(config.copy(), MARKETS_TTL, clock);
        this.config = (AsterConfiguration) configuration();
        this.http = http;
        this.rest = new AsterRestApi(this.config, http, clock);
        this.history = new AsterTradeHistory(venue(), rest, this::instrumentOf);
    }

    /** A copy of the settings this client runs with. */
    public AsterConfiguration config() {
        return config.copy();
    }

    /** The venue's endpoints as this client calls them (its budget included). */
    public AsterRestApi restApi() {
        return rest;
    }

    // --- markets ---

    @Override
    protected CompletableFuture<List<Instrument>> loadMarkets() {
        CompletableFuture<AsterExchangeInfo> info = rest.getExchangeInfo();
        CompletableFuture<List<AsterFundingInfo>> funding = rest.getFundingInfo();
        CompletableFuture<Map<String, Integer>> brackets = config.hasCredentials() ? leverageBrackets()
                : CompletableFuture.completedFuture(Map.of());
        return CompletableFuture.allOf(info, funding, brackets).thenApply(ignored -> {
            Map<String, Integer> intervals = new HashMap<>();
            for (AsterFundingInfo row : funding.join()) {
                intervals.put(row.symbol(), row.fundingIntervalHours() == null ? DEFAULT_FUNDING_INTERVAL_HOURS
                        : row.fundingIntervalHours());
            }
            List<Instrument> instruments = new ArrayList<>();
            for (AsterExchangeInfo.Symbol market : info.join().symbols()) {
                if (AsterAdapters.isTradingPerpetual(market)) {
                    instruments.add(AsterAdapters.instrument(venue(), market,
                            intervals.getOrDefault(market.symbol(), DEFAULT_FUNDING_INTERVAL_HOURS),
                            brackets.join().getOrDefault(market.symbol(), DEFAULT_MAX_LEVERAGE)));
                }
            }
            return instruments;
        });
    }

    private CompletableFuture<Map<String, Integer>> leverageBrackets() {
        return rest.getLeverageBracket().thenApply(rows -> {
            Map<String, Integer> max = new HashMap<>();
            for (AsterLeverageBracket row : rows) {
                max.put(row.symbol(), row.brackets().stream().map(AsterLeverageBracket.Bracket::initialLeverage)
                        .filter(leverage -> leverage != null).max(Comparator.naturalOrder()).orElse(1));
            }
            return max;
        }).exceptionally(failure -> {
            LOG.warn("{}: leverage brackets unavailable ({}); assuming {}x", venue(), failure.toString(),
                    DEFAULT_MAX_LEVERAGE);
            return Map.of();
        });
    }

    // --- public market data ---

    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return markets().snapshot().thenCompose(snapshot -> premiumIndex().thenApply(rows -> ofListedMarkets(snapshot,
                rows, AsterPremiumIndex::symbol, (row, instrument) -> row.lastFundingRate() == null ? null
                        : AsterAdapters.fundingRate(venue(), row, instrument, clock().instant()))));
    }

    /** 24 h quote volume from the ticker and open interest (contracts × mark price) per market, in USD. */
    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        CompletableFuture<List<AsterTicker24h>> tickers = rest.getTicker24hr();
        CompletableFuture<List<AsterPremiumIndex>> marks = premiumIndex();
        return markets().snapshot().thenCompose(snapshot -> CompletableFuture.allOf(tickers, marks).thenCompose(x -> {
            Map<String, BigDecimal> mark = new HashMap<>();
            marks.join().forEach(row -> mark.put(row.symbol(), row.markPrice()));
            List<CompletableFuture<MarketStats>> stats = new ArrayList<>();
            for (AsterTicker24h ticker : tickers.join()) {
                Instrument instrument = snapshot.byVenueSymbol().get(ticker.symbol());
                if (instrument != null) {
                    stats.add(openInterestUsd(ticker.symbol(), mark.get(ticker.symbol())).thenApply(oi ->
                            new MarketStats(venue(), instrument.symbol(), ticker.quoteVolume(), oi, clock().instant())));
                }
            }
            return CompletableFuture.allOf(stats.toArray(CompletableFuture[]::new))
                    .thenApply(done -> stats.stream().map(CompletableFuture::join).toList());
        }));
    }

    /** The {@code premiumIndex} of every market: one request in flight, its answer reused for a moment. */
    private synchronized CompletableFuture<List<AsterPremiumIndex>> premiumIndex() {
        Instant now = clock().instant();
        boolean reusable = premiumIndex != null && (!premiumIndex.isDone()
                || (!premiumIndex.isCompletedExceptionally() && now.isBefore(premiumIndexAt.plus(PREMIUM_INDEX_REUSE))));
        if (!reusable) {
            premiumIndexAt = now;
            premiumIndex = rest.getPremiumIndex();
        }
        return premiumIndex;
    }

    private CompletableFuture<BigDecimal> openInterestUsd(String venueSymbol, BigDecimal markPrice) {
        return rest.getOpenInterest(venueSymbol)
                .thenApply(row -> markPrice == null || row.openInterest() == null ? null
                        : row.openInterest().multiply(markPrice))
                .exceptionally(failure -> null); // one market's OI missing never fails the whole round
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return instrument(symbol).thenCompose(instrument -> rest.getDepth(instrument.venueSymbol(), depthLimit(depth, DEPTH_LIMITS))
                .thenApply(book -> AsterAdapters.book(venue(), book, symbol, depth, clock().instant())));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return instrument(symbol).thenCompose(instrument -> rest.getBookTicker(instrument.venueSymbol())
                .thenApply(ticker -> AsterAdapters.bbo(venue(), ticker, symbol, clock().instant())));
    }

    // --- trading ---

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        return instrument(request.symbol()).thenCompose(instrument -> {
            touched(instrument.venueSymbol());
            return rest.postOrder(AsterAdapters.orderParams(request, instrument.venueSymbol()), request.clientOrderId(),
                    request.critical()).thenApply(o -> remember(AsterAdapters.order(venue(), o, request.symbol())));
        });
    }

    /** Cancels by client order id; an order that already ended answers with its final view. */
    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return instrument(symbol).thenCompose(instrument -> rest.deleteOrder(instrument.venueSymbol(), clientOrderId)
                .thenApply(o -> remember(AsterAdapters.order(venue(), o, symbol)))
                // already filled or cancelled: the venue says "unknown order"; its final view answers the cancel
                .exceptionallyCompose(failure -> ExchangeException.unwrap(failure) instanceof OrderNotFoundException
                        ? queryOrder(symbol, clientOrderId) : CompletableFuture.failedFuture(failure)));
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        return instrument(symbol).thenCompose(instrument -> {
            touched(instrument.venueSymbol());
            return rest.getOrder(instrument.venueSymbol(), clientOrderId)
                    .thenApply(o -> remember(AsterAdapters.order(venue(), o, symbol)));
        });
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        CompletableFuture<String> venueSymbol = symbol == null ? CompletableFuture.completedFuture(null)
                : instrument(symbol).thenApply(Instrument::venueSymbol);
        return markets().snapshot().thenCompose(snapshot -> venueSymbol.thenCompose(rest::getOpenOrders)
                .thenApply(rows -> ofListedMarkets(snapshot, rows, AsterOrder::symbol,
                        (o, instrument) -> remember(AsterAdapters.order(venue(), o, instrument.symbol())))));
    }

    // --- account ---

    @Override
    public CompletableFuture<List<Position>> positions() {
        return markets().snapshot().thenCompose(snapshot -> rest.getPositionRisk().thenApply(rows -> ofListedMarkets(
                snapshot, rows, AsterPositionRisk::symbol, (row, instrument) -> {
                    if (row.positionAmt() == null || row.positionAmt().signum() == 0) {
                        return null;
                    }
                    touched(instrument.venueSymbol());
                    return AsterAdapters.position(venue(), row, instrument.symbol(), clock().instant());
                })));
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return rest.getBalance().thenApply(rows -> rows.stream()
                .map(row -> AsterAdapters.balance(venue(), row, clock().instant())).toList());
    }

    /**
     * Trades since {@code since} on every market this client has traded, queried or holds a position in (Aster's
     * trade history is per symbol), with their client order ids ({@link AsterTradeHistory}).
     */
    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return positions().exceptionally(failure -> List.of()).thenCompose(ignored -> history.since(since));
    }

    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return instrument(symbol).thenCompose(instrument -> rest.postLeverage(instrument.venueSymbol(), leverage)
                .thenApply(answer -> answer.leverage() == null ? leverage : answer.leverage()));
    }

    // --- streams ---

    @Override
    protected VenueStreams newStreams() {
        return new AsterStreams(this, rest, config.getWsUrl(), http);
    }

    // --- shared with the streams ---

    CompletableFuture<Instrument> instrument(String symbol) {
        return markets().bySymbol(symbol);
    }

    /** The market of a venue symbol, if it is a listed USDT perpetual (from the cached list only). */
    Optional<Instrument> instrumentOf(String venueSymbol) {
        return venueSymbol == null ? Optional.empty() : markets().byVenueSymbol(venueSymbol);
    }

    CompletableFuture<MarketCatalog.Snapshot> marketsLoaded() {
        return markets().snapshot();
    }

    Order remember(Order order) {
        return history.remember(order);
    }

    void touched(String venueSymbol) {
        history.touched(venueSymbol);
    }

    @Override
    public String toString() {
        return "AsterExchangeClient[" + config.getRestUrl() + ", " + config.effectiveAuthMode() + ", credentials="
                + (config.hasCredentials() ? "set" : "none") + "]";
    }
}
