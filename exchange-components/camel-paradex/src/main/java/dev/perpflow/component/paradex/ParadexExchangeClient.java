package dev.perpflow.component.paradex;

import dev.perpflow.component.paradex.client.ParadexErrors;
import dev.perpflow.component.paradex.client.ParadexRestApi;
import dev.perpflow.component.paradex.dto.ParadexFill;
import dev.perpflow.component.paradex.dto.ParadexMarketSummary;
import dev.perpflow.component.paradex.dto.ParadexOrder;
import dev.perpflow.component.paradex.dto.ParadexPosition;
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
import dev.perpflow.exchange.model.TimeInForce;
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
 * {@link dev.perpflow.exchange.ExchangeClient} for Paradex's perpetuals: the domain verbs on {@link ParadexRestApi}
 * (endpoints, JWT, STARK signatures, budget) and {@link ParadexAdapters}, with {@link ParadexStreams} for the book and
 * the private channels. Orders carry perpflow's client order id as Paradex's {@code client_id}.
 *
 * <p>The daily maintenance window: Paradex goes cancel-only, then post-only, for a few minutes. Before an order is
 * sent the venue's {@code /system/state} is read (trusted for {@code systemStateTtl}, so a strategy retrying every
 * tick costs at most one read per TTL, never an order request): in {@code cancel_only} / {@code maintenance} every
 * new order, in {@code post_only} every order that is not post-only, is refused here with a rejection that says why
 * and when; cancels, queries and reads are never held back. A refusal from the venue itself
 * ({@code SYSTEM_STATUS_*}) says the same and updates the known state.
 */
public final class ParadexExchangeClient extends VenueExchangeClient {

    private static final Logger LOG = LoggerFactory.getLogger(ParadexExchangeClient.class);
    static final Duration MARKETS_TTL = Duration.ofMinutes(10);
    private static final int FILL_PAGE = 100;
    private static final int MAX_FILL_PAGES = 20;
    private static final int[] DEPTH_LIMITS = {5, 10, 20, 50, 100};
    private static final int CANCEL_CONFIRMATIONS = 5;

    private final ParadexConfiguration config;
    private final ParadexRestApi rest;
    private final HttpClient http;
    private volatile String systemStatus;
    private volatile Instant systemStatusAt = Instant.MIN;

    public ParadexExchangeClient(ParadexConfiguration config) {
        this(config, VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    /** A client whose REST and WebSocket traffic goes through {@code http} (an account's proxied client). */
    public ParadexExchangeClient(ParadexConfiguration config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    ParadexExchangeClient(ParadexConfiguration config, HttpClient http, Clock clock) {
        super(config.copy(), MARKETS_TTL, clock);
        this.config = (ParadexConfiguration) configuration();
        this.http = http;
        this.rest = new ParadexRestApi(this.config, http, clock);
    }

    public ParadexConfiguration config() {
        return config.copy();
    }

    public ParadexRestApi restApi() {
        return rest;
    }

    @Override
    protected CompletableFuture<List<Instrument>> loadMarkets() {
        return rest.getMarkets().thenApply(page -> page.rows().stream().filter(ParadexAdapters::isTradablePerpetual)
                .map(market -> ParadexAdapters.instrument(venue(), market)).toList());
    }

    // --- public market data ---

    /** The summaries' {@code funding_rate}, over each market's own {@code funding_period_hours}. */
    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return markets().snapshot().thenCompose(snapshot -> rest.getMarketsSummary().thenApply(page -> ofListedMarkets(
                snapshot, page.rows(), ParadexMarketSummary::symbol, (row, instrument) -> row.fundingRate() == null
                        ? null : ParadexAdapters.fundingRate(venue(), row, instrument, clock().instant()))));
    }

    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        return markets().snapshot().thenCompose(snapshot -> rest.getMarketsSummary().thenApply(page -> ofListedMarkets(
                snapshot, page.rows(), ParadexMarketSummary::symbol,
                (row, instrument) -> ParadexAdapters.marketStats(venue(), row, instrument, clock().instant()))));
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return instrument(symbol).thenCompose(instrument -> rest.getOrderBook(instrument.venueSymbol(),
                        depthLimit(depth, DEPTH_LIMITS))
                .thenApply(book -> ParadexAdapters.book(venue(), book, symbol, depth, clock().instant())))
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
        return instrument(request.symbol()).thenCompose(instrument -> systemStatus().thenCompose(status -> {
            Optional<String> refusal = maintenanceRefusal(status, request);
            if (refusal.isPresent()) {
                // nothing is sent: the journal records a rejection that names the window
                return CompletableFuture.failedFuture(new OrderRejectedException(venue(), request.clientOrderId(),
                        refusal.get()));
            }
            return rest.postOrder(ParadexAdapters.orderBody(rest.mapper(), request, instrument.venueSymbol()),
                            request.clientOrderId(), request.critical())
                    .thenApply(o -> ParadexAdapters.order(venue(), o, request.symbol(), request.clientOrderId()));
        })).whenComplete((order, failure) -> noteMaintenance(failure))
                .exceptionallyCompose(failure -> renamed(failure, request.symbol(), request.clientOrderId()));
    }

    /** Cancels by client id; Paradex cancels asynchronously, so the answer is the order read back once it ended. */
    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return instrument(symbol).thenCompose(instrument -> rest.deleteOrderByClientId(clientOrderId)
                .exceptionallyCompose(failure -> ExchangeException.unwrap(failure) instanceof OrderNotFoundException
                        ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure))
                .thenCompose(ignored -> ended(symbol, clientOrderId, CANCEL_CONFIRMATIONS)))
                .exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    private CompletableFuture<Order> ended(String symbol, String clientOrderId, int triesLeft) {
        return queryOrder(symbol, clientOrderId).thenCompose(order -> {
            if (!order.status().isWorking() || triesLeft <= 1) {
                return CompletableFuture.completedFuture(order);
            }
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> ended(symbol, clientOrderId, triesLeft - 1));
        });
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        return instrument(symbol).thenCompose(instrument -> rest.getOrderByClientId(clientOrderId)
                .thenApply(o -> ParadexAdapters.order(venue(), o, symbol, clientOrderId)))
                .exceptionallyCompose(failure -> renamed(failure, symbol, clientOrderId));
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        CompletableFuture<String> market = symbol == null ? CompletableFuture.completedFuture(null)
                : instrument(symbol).thenApply(Instrument::venueSymbol);
        return markets().snapshot().thenCompose(snapshot -> market.thenCompose(rest::getOpenOrders)
                .thenApply(page -> ofListedMarkets(snapshot, page.rows(), ParadexOrder::market, (row, instrument) ->
                        ParadexAdapters.order(venue(), row, instrument.symbol(), clientOrderIdOf(row.clientId(),
                                row.id())))));
    }

    // --- account ---

    /** Open positions, each with the mark price of its market's summary. */
    @Override
    public CompletableFuture<List<Position>> positions() {
        CompletableFuture<Map<String, BigDecimal>> marks = rest.getMarketsSummary().thenApply(page -> {
            Map<String, BigDecimal> bySymbol = new HashMap<>();
            page.rows().forEach(row -> {
                if (row.markPrice() != null) {
                    bySymbol.put(row.symbol(), row.markPrice());
                }
            });
            return bySymbol;
        }).exceptionally(failure -> Map.of()); // a position without its mark is still a position
        return markets().snapshot().thenCompose(snapshot -> rest.getPositions().thenCombine(marks, (page, mark) ->
                ofListedMarkets(snapshot, page.rows(), ParadexPosition::market, (row, instrument) ->
                        "CLOSED".equals(row.status()) || row.size() == null || row.size().signum() == 0 ? null
                                : ParadexAdapters.position(venue(), row, instrument.symbol(), mark.get(row.market()),
                                        clock().instant()))));
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return rest.getAccount().thenApply(account -> List.of(ParadexAdapters.balance(venue(), account,
                clock().instant())));
    }

    /** Fills since {@code since}, following the {@code next} cursor. */
    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return markets().snapshot().thenCompose(snapshot -> fillPage(snapshot, since, null, 0, new ArrayList<>()));
    }

    private CompletableFuture<List<Fill>> fillPage(MarketCatalog.Snapshot snapshot, Instant since, String cursor,
            int page, List<Fill> collected) {
        return rest.getFills(since.toEpochMilli(), FILL_PAGE, cursor).thenCompose(rows -> {
            for (ParadexFill row : rows.rows()) {
                Instrument instrument = snapshot.byVenueSymbol().get(row.market());
                if (instrument != null) {
                    Fill fill = ParadexAdapters.fill(venue(), row, instrument.symbol(),
                            clientOrderIdOf(row.clientId(), row.orderId()));
                    if (!fill.timestamp().isBefore(since)) {
                        collected.add(fill);
                    }
                }
            }
            return rows.next() != null && !rows.next().isEmpty() && page + 1 < MAX_FILL_PAGES
                    ? fillPage(snapshot, since, rows.next(), page + 1, collected)
                    : CompletableFuture.completedFuture(collected);
        });
    }

    /** Cross margin at {@code leverage} clamped to the market's maximum; answers what the venue applied. */
    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return instrument(symbol).thenCompose(instrument -> {
            int wanted = Math.max(1, Math.min(leverage, instrument.maxLeverage()));
            return rest.postMargin(instrument.venueSymbol(), wanted).thenApply(applied -> applied == null
                    || applied.leverage() == null ? wanted : applied.leverage().intValue());
        }).exceptionallyCompose(failure -> renamed(failure, symbol, null));
    }

    // --- streams ---

    @Override
    public dev.perpflow.exchange.Subscription subscribeOrders(dev.perpflow.exchange.OrderEventListener listener) {
        if (!config.hasCredentials()) {
            throw new AuthenticationException(venue(), "the private channels need credentials: set "
                    + ParadexCredentials.L2_ADDRESS_ENV + " and " + ParadexCredentials.L2_PRIVATE_KEY_ENV);
        }
        return super.subscribeOrders(listener);
    }

    @Override
    protected VenueStreams newStreams() {
        return new ParadexStreams(this, rest, config.wsUrl(), http);
    }

    // --- the maintenance window ---

    /** The venue's system status, from the last read while it is fresh; "ok" when it cannot be read. */
    CompletableFuture<String> systemStatus() {
        String known = systemStatus;
        if (known != null && Duration.between(systemStatusAt, clock().instant()).compareTo(config.systemStateTtl()) < 0) {
            return CompletableFuture.completedFuture(known);
        }
        return rest.getSystemState().thenApply(state -> {
            String status = state == null || state.status() == null ? "ok" : state.status();
            remember(status);
            return status;
        }).exceptionally(failure -> {
            LOG.debug("{}: system state unreadable ({}); the venue decides", venue(), failure.toString());
            return "ok";
        });
    }

    static Optional<String> maintenanceRefusal(String status, OrderRequest request) {
        return switch (status) {
            case "cancel_only", "maintenance" -> Optional.of(ParadexErrors.CANCEL_ONLY);
            case "post_only" -> request.timeInForce() == TimeInForce.POST_ONLY ? Optional.empty()
                    : Optional.of(ParadexErrors.POST_ONLY);
            default -> Optional.empty();
        };
    }

    private void noteMaintenance(Throwable failure) {
        if (failure != null && ExchangeException.unwrap(failure) instanceof OrderRejectedException rejected) {
            if (ParadexErrors.CANCEL_ONLY.equals(rejected.reason())) {
                remember("cancel_only");
            } else if (ParadexErrors.POST_ONLY.equals(rejected.reason())) {
                remember("post_only");
            }
        }
    }

    private void remember(String status) {
        String previous = systemStatus;
        systemStatus = status;
        systemStatusAt = clock().instant();
        if (!status.equals(previous) && !(previous == null && status.equals("ok"))) {
            LOG.warn("{}: system state is now {}", venue(), status);
        }
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

    /** perpflow's client order id: Paradex's {@code client_id}, or {@code paradex-<order id>} without one. */
    static String clientOrderIdOf(String clientId, String orderId) {
        return clientId == null || clientId.isEmpty() ? "paradex-" + orderId : clientId;
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
