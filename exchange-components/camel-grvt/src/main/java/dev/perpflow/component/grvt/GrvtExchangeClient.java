package dev.perpflow.component.grvt;

import dev.perpflow.component.grvt.client.GrvtRestApi;
import dev.perpflow.component.grvt.dto.GrvtFill;
import dev.perpflow.component.grvt.dto.GrvtFundingPayment;
import dev.perpflow.component.grvt.dto.GrvtInitialLeverage;
import dev.perpflow.component.grvt.dto.GrvtInstrument;
import dev.perpflow.component.grvt.dto.GrvtOrder;
import dev.perpflow.component.grvt.dto.GrvtResult;
import dev.perpflow.component.grvt.dto.GrvtTicker;
import dev.perpflow.exchange.client.VenueExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.perpflow.exchange.ExchangeClient} for GRVT perpetuals: the domain verbs on top of {@link GrvtRestApi}
 * (three hosts, the session, signing and budget) and {@link GrvtAdapters}, with {@link GrvtStreams} for the book and
 * the account's feeds.
 *
 * <p>Markets are the active USDT perpetuals with their funding interval, tick, size step and the hash orders sign;
 * with credentials the maximum leverage per market comes from the account's leverage list. Funding comes from one
 * ticker per market (GRVT has no all-markets ticker), reused by the stats half of a poll. Orders are addressed by a
 * uint64 client order id derived from perpflow's ({@link GrvtClientIds}); a cancel is acknowledged first and its final
 * view read after.
 */
public final class GrvtExchangeClient extends VenueExchangeClient {

    private static final Logger LOG = LoggerFactory.getLogger(GrvtExchangeClient.class);
    static final Duration MARKETS_TTL = Duration.ofMinutes(10);
    static final int DEFAULT_MAX_LEVERAGE = 10;
    private static final Duration TICKERS_REUSE = Duration.ofSeconds(2);
    private static final int[] DEPTHS = {10, 50, 100, 500};
    private static final int CANCEL_CHECKS = 5;

    /** What an order of a market signs: its asset id and base decimals. */
    record Signing(String instrumentHash, int baseDecimals) {
    }

    private final GrvtConfiguration config;
    private final GrvtRestApi rest;
    private final HttpClient http;
    private final GrvtClientIds ids = new GrvtClientIds();
    private volatile Map<String, Signing> signing = Map.of();
    private CompletableFuture<Map<String, GrvtTicker>> tickers;
    private Instant tickersAt = Instant.MIN;

    public GrvtExchangeClient(GrvtConfiguration config) {
        this(config, VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /** A client whose traffic to all three hosts and both WebSockets goes through {@code http}. */
    public GrvtExchangeClient(GrvtConfiguration config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    GrvtExchangeClient(GrvtConfiguration config, HttpClient http, Clock clock) {
        super(config.copy(), MARKETS_TTL, clock);
        this.config = (GrvtConfiguration) configuration();
        this.http = http;
        this.rest = new GrvtRestApi(this.config, http, clock);
    }

    public GrvtConfiguration config() {
        return config.copy();
    }

    public GrvtRestApi restApi() {
        return rest;
    }

    // --- markets ---

    @Override
    protected CompletableFuture<List<Instrument>> loadMarkets() {
        CompletableFuture<Map<String, Integer>> leverage = config.hasCredentials() ? maxLeverage()
                : CompletableFuture.completedFuture(Map.of());
        return rest.postInstruments(GrvtSymbols.QUOTE).thenCombine(leverage, (rows, max) -> {
            Map<String, Signing> signs = new HashMap<>();
            List<Instrument> out = new ArrayList<>();
            for (GrvtInstrument row : rows == null ? List.<GrvtInstrument>of() : rows) {
                if (GrvtAdapters.isListedPerpetual(row) && row.instrumentHash() != null && row.baseDecimals() != null) {
                    out.add(GrvtAdapters.instrument(venue(), row, max.getOrDefault(row.instrument(),
                            DEFAULT_MAX_LEVERAGE)));
                    signs.put(row.instrument(), new Signing(row.instrumentHash(), row.baseDecimals()));
                }
            }
            signing = Map.copyOf(signs);
            return out;
        });
    }

    private CompletableFuture<Map<String, Integer>> maxLeverage() {
        return rest.postGetAllInitialLeverage().thenApply(rows -> {
            Map<String, Integer> max = new HashMap<>();
            for (GrvtInitialLeverage row : rows) {
                if (row.instrument() != null && row.maxLeverage() != null) {
                    max.put(row.instrument(), Math.max(1, row.maxLeverage().intValue()));
                }
            }
            return max;
        }).exceptionally(failure -> {
            LOG.warn("{}: leverage limits unavailable ({}); assuming {}x", venue(), failure.toString(),
                    DEFAULT_MAX_LEVERAGE);
            return Map.of();
        });
    }

    // --- public market data ---

    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return markets().snapshot().thenCompose(snapshot -> tickers(snapshot).thenApply(rows -> {
            List<FundingRate> out = new ArrayList<>();
            rows.forEach((name, ticker) -> {
                Instrument instrument = snapshot.byVenueSymbol().get(name);
                if (instrument != null && (ticker.fundingRate() != null || ticker.fundingRate8hCurr() != null)) {
                    out.add(GrvtAdapters.fundingRate(venue(), ticker, instrument, clock().instant()));
                }
            });
            return out;
        }));
    }

    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        return markets().snapshot().thenCompose(snapshot -> tickers(snapshot).thenApply(rows -> {
            List<MarketStats> out = new ArrayList<>();
            rows.forEach((name, ticker) -> {
                Instrument instrument = snapshot.byVenueSymbol().get(name);
                if (instrument != null) {
                    out.add(GrvtAdapters.marketStats(venue(), ticker, instrument, clock().instant()));
                }
            });
            return out;
        }));
    }

    /** One ticker per market: one round in flight, its answers reused for a moment; a market that fails is left out. */
    private synchronized CompletableFuture<Map<String, GrvtTicker>> tickers(MarketCatalog.Snapshot snapshot) {
        Instant now = clock().instant();
        boolean reusable = tickers != null && (!tickers.isDone()
                || (!tickers.isCompletedExceptionally() && now.isBefore(tickersAt.plus(TICKERS_REUSE))));
        if (!reusable) {
            tickersAt = now;
            Map<String, CompletableFuture<GrvtTicker>> each = new HashMap<>();
            snapshot.byVenueSymbol().keySet().forEach(name -> each.put(name, rest.postTicker(name)));
            tickers = CompletableFuture.allOf(each.values().stream().map(f -> f.exceptionally(x -> null))
                    .toArray(CompletableFuture[]::new)).thenApply(done -> {
                        Map<String, GrvtTicker> out = new HashMap<>();
                        each.forEach((name, future) -> {
                            if (!future.isCompletedExceptionally() && future.join() != null) {
                                out.put(name, future.join());
                            }
                        });
                        if (out.isEmpty() && !each.isEmpty()) {
                            // every market failed: report the venue's failure instead of an empty round
                            each.values().iterator().next().join();
                        }
                        return out;
                    });
        }
        return tickers;
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return instrument(symbol).thenCompose(instrument -> rest.postBook(instrument.venueSymbol(),
                depthLimit(depth, DEPTHS)).thenApply(book -> GrvtAdapters.book(venue(), book, symbol, depth, 0,
                        clock().instant())));
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
                    "its client order id " + GrvtClientIds.venueId(request.clientOrderId()) + " is already used by "
                            + holder.get()));
        }
        return instrument(request.symbol()).thenCompose(instrument -> {
            Signing sign = signing.get(instrument.venueSymbol());
            if (sign == null) {
                return CompletableFuture.failedFuture(new ExchangeException(venue(), instrument.venueSymbol()
                        + " has no instrument hash"));
            }
            if (request.quantity().remainder(instrument.lotSize()).signum() != 0) {
                return CompletableFuture.failedFuture(new OrderRejectedException(venue(), request.clientOrderId(),
                        "size " + request.quantity().toPlainString() + " is not a multiple of "
                                + instrument.lotSize().toPlainString()));
            }
            GrvtOrder order = GrvtAdapters.order(request, instrument, rest.subAccountId(),
                    GrvtClientIds.venueId(request.clientOrderId()));
            return rest.postCreateOrder(order, GrvtAdapters.signedFields(order, new java.math.BigInteger(
                    rest.subAccountId()).longValue(), sign.instrumentHash(), sign.baseDecimals()),
                    request.clientOrderId(), request.critical())
                    .thenApply(o -> GrvtAdapters.order(venue(), o, request.symbol(), request.clientOrderId()));
        });
    }

    /** Cancels by client order id; the venue acknowledges, then the order's final view is read (a few tries). */
    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        ids.claim(clientOrderId);
        return instrument(symbol).thenCompose(instrument -> rest.postCancelOrder(clientOrderId,
                GrvtClientIds.venueId(clientOrderId)))
                .exceptionallyCompose(failure -> ExchangeException.unwrap(failure) instanceof OrderNotFoundException
                        ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure))
                .thenCompose(ack -> finalView(symbol, clientOrderId, CANCEL_CHECKS));
    }

    private CompletableFuture<Order> finalView(String symbol, String clientOrderId, int triesLeft) {
        return queryOrder(symbol, clientOrderId).thenCompose(order -> {
            if (!order.status().isWorking() || triesLeft <= 1) {
                return CompletableFuture.completedFuture(order);
            }
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                    .thenCompose(x -> finalView(symbol, clientOrderId, triesLeft - 1));
        });
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        ids.claim(clientOrderId);
        return instrument(symbol).thenCompose(instrument -> rest.postOrder(clientOrderId,
                GrvtClientIds.venueId(clientOrderId)).thenApply(o -> {
                    if (o == null) {
                        throw new OrderNotFoundException(venue(), clientOrderId);
                    }
                    return GrvtAdapters.order(venue(), o, symbol, clientOrderId);
                }));
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        CompletableFuture<String> name = symbol == null ? CompletableFuture.completedFuture(null)
                : instrument(symbol).thenApply(Instrument::venueSymbol);
        return markets().snapshot().thenCompose(snapshot -> name.thenCompose(only -> rest.postOpenOrders()
                .thenApply(rows -> {
                    List<Order> out = new ArrayList<>();
                    for (GrvtOrder row : rows == null ? List.<GrvtOrder>of() : rows) {
                        String instrument = row.legs() == null || row.legs().isEmpty() ? null
                                : row.legs().get(0).instrument();
                        Instrument market = instrument == null ? null : snapshot.byVenueSymbol().get(instrument);
                        if (market != null && (only == null || only.equals(instrument))) {
                            out.add(GrvtAdapters.order(venue(), row, market.symbol(), ids.clientOrderId(
                                    row.metadata() == null ? null : row.metadata().clientOrderId())));
                        }
                    }
                    return out;
                })));
    }

    // --- account ---

    @Override
    public CompletableFuture<List<Position>> positions() {
        return markets().snapshot().thenCompose(snapshot -> rest.postPositions().thenApply(rows -> ofListedMarkets(
                snapshot, rows == null ? List.of() : rows, p -> p.instrument(), (p, instrument) ->
                        p.size() == null || p.size().signum() == 0 ? null
                                : GrvtAdapters.position(venue(), p, instrument.symbol(), clock().instant()))));
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return rest.postAccountSummary()
                .thenApply(summary -> List.of(GrvtAdapters.balance(venue(), summary, clock().instant())));
    }

    /** Fills since {@code since}, every page (up to 10 of 1000), under the ids this client knows. */
    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return markets().snapshot().thenCompose(snapshot -> fillPages(since, null, new ArrayList<>(), 10)
                .thenApply(rows -> ofListedMarkets(snapshot, rows, GrvtFill::instrument, (f, instrument) ->
                        GrvtAdapters.fill(venue(), f, instrument.symbol(), ids.clientOrderId(f.clientOrderId())))));
    }

    private CompletableFuture<List<GrvtFill>> fillPages(Instant since, String cursor, List<GrvtFill> into, int pages) {
        return rest.postFillHistory(since, cursor).thenCompose((GrvtResult<List<GrvtFill>> page) -> {
            if (page != null && page.result() != null) {
                into.addAll(page.result());
            }
            boolean more = page != null && page.next() != null && !page.next().isEmpty() && page.result() != null
                    && !page.result().isEmpty() && pages > 1;
            return more ? fillPages(since, page.next(), into, pages - 1) : CompletableFuture.completedFuture(into);
        });
    }

    /** Funding payments of the account since {@code since} ({@code amount} positive when paid). */
    public CompletableFuture<List<GrvtFundingPayment>> fundingPayments(Instant since) {
        return rest.postFundingPaymentHistory(since);
    }

    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return instrument(symbol).thenCompose(instrument -> rest.postSetInitialLeverage(instrument.venueSymbol(),
                leverage).thenApply(ok -> {
                    if (!ok) {
                        throw new ExchangeException(venue(), "leverage " + leverage + " not applied on " + symbol);
                    }
                    return leverage;
                }));
    }

    // --- streams ---

    @Override
    protected VenueStreams newStreams() {
        return new GrvtStreams(this, rest, config, http);
    }

    // --- shared with the streams ---

    CompletableFuture<Instrument> instrument(String symbol) {
        return markets().bySymbol(symbol);
    }

    Optional<Instrument> instrumentOf(String name) {
        return name == null ? Optional.empty() : markets().byVenueSymbol(name);
    }

    CompletableFuture<MarketCatalog.Snapshot> marketsLoaded() {
        return markets().snapshot();
    }

    String clientOrderId(String venueId) {
        return ids.clientOrderId(venueId);
    }

    @Override
    public String toString() {
        return "GrvtExchangeClient[" + config.getRestUrl() + ", " + config.getTradesUrl() + ", "
                + config.getEnvironment() + ", credentials=" + (config.hasCredentials() ? "set" : "none") + "]";
    }
}
