package dev.perpflow.exchange.client;

import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.component.VenueConfiguration;
import dev.perpflow.exchange.market.MarketCatalog;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.stream.VenueStreams;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;

/**
 * What every venue's {@code <Venue>ExchangeClient} shares: its configuration, the market catalog (cached for a time
 * to live, loaded by the venue), the streams (created on first use) and closing. The venue implements the domain
 * verbs on top of its {@code <Venue>RestApi} and {@code <Venue>Adapters}.
 */
public abstract class VenueExchangeClient implements ExchangeClient {

    private final VenueConfiguration config;
    private final Clock clock;
    private final MarketCatalog markets;
    private VenueStreams streams;
    private boolean closed;

    protected VenueExchangeClient(VenueConfiguration config, Duration marketsTtl, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.markets = new MarketCatalog(config.getVenue(), this::loadMarkets, marketsTtl, clock);
    }

    /** The venue's markets, freshly loaded (the catalog caches them). */
    protected abstract CompletableFuture<List<Instrument>> loadMarkets();

    /** The venue's streams; called once, on first subscription. */
    protected abstract VenueStreams newStreams();

    @Override
    public String venue() {
        return config.getVenue();
    }

    @Override
    public boolean canTrade() {
        return config.hasCredentials();
    }

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return markets.all();
    }

    /** The settings this client runs with (the venue's own configuration type). */
    protected VenueConfiguration configuration() {
        return config;
    }

    protected MarketCatalog markets() {
        return markets;
    }

    protected Clock clock() {
        return clock;
    }

    @Override
    public Subscription subscribeBook(String symbol, BookListener listener) {
        return streams().subscribeBook(symbol, listener);
    }

    @Override
    public Subscription subscribeOrders(OrderEventListener listener) {
        return streams().subscribeOrders(listener);
    }

    /** Whether the private stream is connected; {@code null} while nothing listens to it (for health checks). */
    public synchronized Boolean userStreamConnected() {
        return streams == null ? null : streams.userStreamConnected();
    }

    private synchronized VenueStreams streams() {
        if (closed) {
            throw new IllegalStateException(venue() + " client is closed");
        }
        if (streams == null) {
            streams = newStreams();
        }
        return streams;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (streams != null) {
            streams.close();
        }
    }

    /**
     * The rows of listed markets, each mapped with its instrument; rows of markets not listed (spot, delisted, other
     * quotes) and rows {@code adapt} maps to {@code null} are left out.
     */
    protected static <T, R> List<R> ofListedMarkets(MarketCatalog.Snapshot snapshot, List<T> rows,
            Function<T, String> venueSymbol, BiFunction<T, Instrument, R> adapt) {
        List<R> out = new ArrayList<>();
        for (T row : rows) {
            Instrument instrument = snapshot.byVenueSymbol().get(venueSymbol.apply(row));
            R mapped = instrument == null ? null : adapt.apply(row, instrument);
            if (mapped != null) {
                out.add(mapped);
            }
        }
        return out;
    }

    /** The smallest of the venue's allowed book limits that holds {@code depth} levels (the largest otherwise). */
    protected static int depthLimit(int depth, int... allowed) {
        for (int limit : allowed) {
            if (depth <= limit) {
                return limit;
            }
        }
        return allowed[allowed.length - 1];
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + config.getRestUrl() + ", credentials="
                + (config.hasCredentials() ? "set" : "none") + "]";
    }
}
