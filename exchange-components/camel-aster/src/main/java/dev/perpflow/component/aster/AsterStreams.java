package dev.perpflow.component.aster;

import dev.perpflow.component.aster.client.AsterRestApi;
import dev.perpflow.component.aster.dto.AsterDepthUpdate;
import dev.perpflow.component.aster.dto.AsterUserEvent;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.DiffBookStream;
import dev.perpflow.exchange.dto.Payloads;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.stream.UserStream;
import dev.perpflow.exchange.stream.VenueStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aster's streams: the diff-depth book per market ({@link Book}) and the listen-key user data stream ({@link User}).
 */
final class AsterStreams extends VenueStreams {

    private static final Logger LOG = LoggerFactory.getLogger(AsterStreams.class);
    static final Duration KEEP_ALIVE = Duration.ofMinutes(30);
    private static final int SNAPSHOT_LIMIT = 1000;

    private final AsterExchangeClient client;
    private final AsterRestApi rest;
    private final String wsUrl;

    AsterStreams(AsterExchangeClient client, AsterRestApi rest, String wsUrl, HttpClient http) {
        super(client.venue(), http);
        this.client = client;
        this.rest = rest;
        this.wsUrl = wsUrl;
    }

    @Override
    protected DiffBookStream newBookStream(String symbol, BookListener listener) {
        return new Book(symbol, listener);
    }

    @Override
    protected UserStream newUserStream() {
        return new User();
    }

    /**
     * A local book for one Aster market, kept as the venue documents ("How to manage a local order book correctly"):
     * {@code <symbol>@depth@100ms} updates with {@code U}/{@code u}/{@code pu} ids over a {@code depth?limit=1000}
     * snapshot; the first update used is the one spanning the snapshot's {@code lastUpdateId} (or whose {@code pu}
     * is it, when the snapshot ends exactly between two updates), each next one must have {@code pu} = the previous
     * {@code u}. The procedure itself is {@link DiffBookStream}'s.
     */
    private final class Book extends DiffBookStream {

        private volatile String venueSymbol;

        Book(String symbol, BookListener listener) {
            super(client.venue(), symbol, listener, http(), scheduler());
        }

        @Override
        protected CompletableFuture<URI> streamUri() {
            return client.instrument(symbol()).thenApply(instrument -> {
                venueSymbol = instrument.venueSymbol();
                return URI.create(wsUrl + "/ws/" + venueSymbol.toLowerCase(Locale.ROOT) + "@depth@100ms");
            });
        }

        @Override
        protected Update parse(String message) {
            AsterDepthUpdate event = rest.read(message, AsterDepthUpdate.class);
            if (!"depthUpdate".equals(event.eventType())) {
                return null;
            }
            return new Update(event.firstUpdateId(), event.lastUpdateId(), event.previousUpdateId(),
                    Payloads.levels(client.venue(), event.bids(), Integer.MAX_VALUE),
                    Payloads.levels(client.venue(), event.asks(), Integer.MAX_VALUE),
                    Payloads.millisOr(event.eventTime(), Instant.now()));
        }

        @Override
        protected CompletableFuture<Snapshot> snapshot() {
            return rest.getDepth(venueSymbol, SNAPSHOT_LIMIT).thenApply(depth -> new Snapshot(
                    Payloads.levels(client.venue(), depth.bids(), Integer.MAX_VALUE),
                    Payloads.levels(client.venue(), depth.asks(), Integer.MAX_VALUE), depth.lastUpdateId()));
        }

        @Override
        protected Start startsAfter(long snapshotId, Update update) {
            if (update.last() < snapshotId) {
                return Start.ALREADY_IN_SNAPSHOT;
            }
            boolean spansSnapshot = update.first() <= snapshotId && snapshotId <= update.last();
            return spansSnapshot || update.previous() == snapshotId ? Start.CONTINUES : Start.GAP;
        }

        @Override
        protected boolean follows(long appliedId, Update update) {
            return update.previous() == appliedId;
        }
    }

    /**
     * Aster's user data stream: a listen key from {@code POST /fapi/v1/listenKey} (kept alive with {@code PUT} every
     * 30 minutes; a new key on every connect and after {@code listenKeyExpired}), {@code ORDER_TRADE_UPDATE} events
     * as orders and fills, {@code ACCOUNT_UPDATE} as positions; the catch-up after a reconnect is
     * {@link UserStream}'s.
     */
    private final class User extends UserStream {

        private ScheduledFuture<?> keepAlive;

        User() {
            super(client.venue() + " user stream", client, http(), scheduler());
        }

        @Override
        public void start() {
            super.start();
            keepAlive = scheduler().scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
            super.close();
            rest.deleteListenKey().exceptionally(failure -> null);
        }

        @Override
        public CompletableFuture<URI> endpoint() {
            return client.marketsLoaded().thenCompose(ignored -> rest.postListenKey())
                    .thenApply(key -> URI.create(wsUrl + "/ws/"
                            + Payloads.required(client.venue(), key.listenKey(), "listenKey", key)));
        }

        @Override
        protected void dispatch(String text) {
            AsterUserEvent event = rest.read(text, AsterUserEvent.class);
            switch (String.valueOf(event.eventType())) {
                case "ORDER_TRADE_UPDATE" -> onOrderUpdate(event);
                case "ACCOUNT_UPDATE" -> onAccountUpdate(event);
                case "listenKeyExpired" -> connection().reconnect("listen key expired");
                default -> { }
            }
        }

        private void onOrderUpdate(AsterUserEvent event) {
            AsterUserEvent.OrderUpdate o = Payloads.required(client.venue(), event.order(), "o", event);
            Optional<Instrument> instrument = client.instrumentOf(o.symbol());
            if (instrument.isEmpty()) {
                return;
            }
            client.touched(instrument.get().venueSymbol());
            Instant at = Payloads.millis(client.venue(), event.transactionTime() != null ? event.transactionTime()
                    : event.eventTime(), "T", event);
            Order order = client.remember(AsterAdapters.order(client.venue(), o, instrument.get().symbol(), at));
            if ("TRADE".equals(o.executionType())) {
                deliverFill(AsterAdapters.fill(client.venue(), o, instrument.get().symbol()));
            }
            deliverOrder(order);
        }

        private void onAccountUpdate(AsterUserEvent event) {
            Instant at = Payloads.millis(client.venue(), event.eventTime(), "E", event);
            if (event.account() == null) {
                return;
            }
            for (AsterUserEvent.PositionUpdate p : event.account().positions()) {
                client.instrumentOf(p.symbol()).ifPresent(instrument -> deliverPosition(
                        AsterAdapters.position(client.venue(), p, instrument.symbol(), at)));
            }
        }

        private void keepAlive() {
            rest.putListenKey().whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warn("{} user stream: keep-alive failed ({}); reconnecting with a new key", client.venue(),
                            failure.toString());
                    connection().reconnect("keep-alive failed");
                }
            });
        }
    }
}
