package dev.perpflow.fundingarb;

import dev.perpflow.execution.AtomicExecutor;
import dev.perpflow.execution.Futures;
import dev.perpflow.execution.OrderExecutor;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.funding.FeeSchedule;
import dev.perpflow.risk.MarketClaims;
import dev.perpflow.risk.TradingState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every part of one funding-arbitrage run shares: id, config (replaceable by a hot reload), venues, order
 * paths, store, funding data, fees, clock and event sink, plus the venue reads they need (instruments cached per
 * venue, positions read fresh).
 */
final class ArbRun {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArbRun.class);

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    final String id;
    final Map<String, ExchangeClient> venues;
    final AtomicExecutor atomic;
    final OrderExecutor executor;
    final OrderGateway gateway;
    final ArbPositionStore store;
    final FundingView funding;
    final FeeSchedule fees;
    final Clock clock;
    final MarketClaims claims;
    private final java.util.Set<String> claimed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Consumer<ArbEvent> events;
    /** Venues change their markets (lot sizes, leverage, funding intervals): the cache is read again this often. */
    static final Duration INSTRUMENTS_TTL = Duration.ofMinutes(15);

    private record Markets(Map<String, Instrument> bySymbol, Instant readAt) {
    }

    private final Map<String, Markets> instruments = new HashMap<>();
    private volatile FundingArbConfig config;

    ArbRun(String id, FundingArbConfig config, Map<String, ExchangeClient> venues, AtomicExecutor atomic,
            OrderExecutor executor, OrderGateway gateway, ArbPositionStore store, FundingView funding, FeeSchedule fees, Clock clock,
            Consumer<ArbEvent> events, MarketClaims claims) {
        this.id = id;
        this.config = config;
        this.venues = Map.copyOf(venues);
        this.atomic = atomic;
        this.executor = executor;
        this.gateway = gateway;
        this.store = store;
        this.funding = funding;
        this.fees = fees;
        this.clock = clock;
        this.events = events;
        this.claims = claims;
    }

    /** Claims a venue's market for this run; the run that holds it instead, if another one does. */
    java.util.Optional<String> claim(String venue, String symbol) {
        java.util.Optional<String> holder = claims.claim(account(), venue, symbol, id);
        if (holder.isEmpty()) {
            claimed.add(venue + '|' + symbol);
        }
        return holder;
    }

    void release(String venue, String symbol) {
        claims.release(account(), venue, symbol, id);
        claimed.remove(venue + '|' + symbol);
    }

    /** Markets this run claimed, as {@code venue|symbol}. */
    java.util.Set<String> claimed() {
        return java.util.Set.copyOf(claimed);
    }

    /** The account this run trades (its gateway's). */
    String account() {
        return gateway.account();
    }

    /** Whether the account may send orders that add risk or exit normally (not halted or reducing). */
    boolean tradingActive() {
        return gateway.tradingState() == TradingState.ACTIVE;
    }

    boolean halted() {
        return gateway.tradingState() == TradingState.HALTED;
    }

    /**
     * A leg as the venue's fills tell it: what this position's own orders (entry, hedges, closes, merged tranches,
     * found by their client-order-id prefixes) opened and closed, and the fills this run did not send that took
     * own tokens the venue no longer holds ({@code held}: tokens the venue holds on the leg's side now). Quantity
     * someone else holds on the same market (a manual trade) is never in it.
     */
    LegLedger ledger(ArbPosition position, ArbLeg leg, BigDecimal held) {
        List<Fill> fills = Futures.await(venue(leg.venue()).fillsSince(position.openedAt().minus(Duration.ofMinutes(1))),
                CALL_TIMEOUT);
        return LegLedger.of(fills, requireInstrument(leg.venue(), position.symbol()), position.symbol(),
                prefixes(position), leg.side(), position.openedAt(), held);
    }

    /** The client-order-id prefixes of a position's orders: its own and those of the tranches merged into it. */
    List<String> prefixes(ArbPosition position) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add("fa-" + position.id() + "-");
        store.trancheIds(position.id()).forEach(id -> prefixes.add("fa-" + id + "-"));
        return prefixes;
    }

    FundingArbConfig config() {
        return config;
    }

    void replaceConfig(FundingArbConfig next) {
        config = next;
    }

    ExchangeClient venue(String name) {
        ExchangeClient client = venues.get(name);
        if (client == null) {
            throw new IllegalStateException("venue " + name + " is not connected to run " + id);
        }
        return client;
    }

    /**
     * The venue's market for a symbol, if it lists one. Instruments are cached per venue and read again after
     * {@link #INSTRUMENTS_TTL}, or at once when a symbol is missing from a cache older than a minute (a new listing);
     * a failed refresh keeps the last list.
     */
    synchronized Optional<Instrument> instrument(String venue, String symbol) {
        Instant now = clock.instant();
        Markets markets = instruments.get(venue);
        boolean stale = markets == null || !now.isBefore(markets.readAt().plus(INSTRUMENTS_TTL))
                || !markets.bySymbol().containsKey(symbol) && !now.isBefore(markets.readAt().plusSeconds(60));
        if (stale) {
            try {
                Map<String, Instrument> bySymbol = new HashMap<>();
                for (Instrument instrument : Futures.await(venue(venue).instruments(), CALL_TIMEOUT)) {
                    bySymbol.put(instrument.symbol(), instrument);
                }
                markets = new Markets(bySymbol, now);
                instruments.put(venue, markets);
            } catch (RuntimeException e) {
                if (markets == null) {
                    throw e;
                }
                LOG.warn("[{}] {} instruments not refreshed ({}); using those of {}", id, venue, e.getMessage(),
                        markets.readAt());
            }
        }
        return Optional.ofNullable(markets.bySymbol().get(symbol));
    }

    Instrument requireInstrument(String venue, String symbol) {
        return instrument(venue, symbol).orElseThrow(() -> new IllegalStateException(venue + " has no market " + symbol));
    }

    /** The venue's positions; a failure propagates (a missing report is never taken for "flat"). */
    List<Position> positions(String venue) {
        return Futures.await(venue(venue).positions(), CALL_TIMEOUT);
    }

    Bbo bbo(String venue, String symbol) {
        return Futures.await(venue(venue).bbo(symbol), CALL_TIMEOUT);
    }

    /** Tokens the venue holds on {@code symbol} (unsigned, in tokens of the underlying) and the position, if any. */
    Held held(String venue, String symbol, List<Position> positions) {
        Instrument instrument = requireInstrument(venue, symbol);
        return positions.stream().filter(p -> p.symbol().equals(symbol)).findFirst()
                .map(p -> new Held(instrument.toTokens(p.quantity().abs()), p.quantity().signum(), p))
                .orElse(new Held(BigDecimal.ZERO, 0, null));
    }

    record Held(BigDecimal tokens, int sign, Position position) {
    }

    void emit(ArbEvent event) {
        events.accept(event);
    }

    void emit(String type, ArbEvent.Level level, String symbol, String message, Map<String, Object> details) {
        emit(new ArbEvent(clock.instant(), type, level, symbol, message, details));
    }
}
