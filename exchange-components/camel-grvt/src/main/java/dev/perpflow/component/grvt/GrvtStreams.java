package dev.perpflow.component.grvt;

import dev.perpflow.component.grvt.client.GrvtRestApi;
import dev.perpflow.component.grvt.client.GrvtSession;
import dev.perpflow.component.grvt.dto.GrvtFeed;
import dev.perpflow.component.grvt.dto.GrvtFill;
import dev.perpflow.component.grvt.dto.GrvtOrder;
import dev.perpflow.component.grvt.dto.GrvtOrderbookLevels;
import dev.perpflow.component.grvt.dto.GrvtPosition;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.BookStream;
import dev.perpflow.exchange.book.SnapshotBookStream;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.stream.StreamConnection;
import dev.perpflow.exchange.stream.SubscriptionConfirmations;
import dev.perpflow.exchange.stream.UserStream;
import dev.perpflow.exchange.stream.VenueStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GRVT's WebSockets (JSON-RPC subscribe, "full" format): the market-data host's {@code v1.book.s} feed per market
 * (every message is the whole book, {@code <instrument>@500-50}: every 500 ms, 50 levels) and, on the trading host,
 * the account's {@code v1.order}, {@code v1.fill} and {@code v1.position} feeds of the sub account, opened with the
 * session's cookie and account id header (a fresh login when it is about to expire; an authentication error on a
 * subscription drops the session and reconnects).
 */
final class GrvtStreams extends VenueStreams {

    /**
     * How long the venue has to answer the account subscriptions before the feeds connect again. Generous: after a
     * reconnect the answers wait behind the REST catch-up.
     */
    static final Duration SUBSCRIBE_ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> ACCOUNT_STREAMS = List.of("v1.order", "v1.fill", "v1.position");

    private static final String BOOK_RATE_DEPTH = "@500-50";
    private static final int BOOK_DEPTH = 50;

    private final GrvtExchangeClient client;
    private final GrvtRestApi rest;
    private final GrvtConfiguration config;
    private final AtomicInteger requestIds = new AtomicInteger();

    GrvtStreams(GrvtExchangeClient client, GrvtRestApi rest, GrvtConfiguration config, HttpClient http) {
        super(client.venue(), http);
        this.client = client;
        this.rest = rest;
        this.config = config;
    }

    @Override
    protected BookStream newBookStream(String symbol, BookListener listener) {
        return new Book(symbol, listener);
    }

    @Override
    protected UserStream newUserStream() {
        return new User();
    }

    private String subscribe(String stream, String selector) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":{\"stream\":\"" + stream
                + "\",\"selectors\":[\"" + selector + "\"]},\"id\":" + requestIds.incrementAndGet() + "}";
    }

    private final class Book extends SnapshotBookStream {

        private volatile String instrument;

        Book(String symbol, BookListener listener) {
            super(client.venue(), symbol, listener, http(), scheduler());
        }

        @Override
        protected CompletableFuture<URI> streamUri() {
            return client.instrument(symbol()).thenApply(i -> {
                instrument = i.venueSymbol();
                return config.wsUrl();
            });
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            connection.send(GrvtStreams.this.subscribe("v1.book.s", instrument + BOOK_RATE_DEPTH));
        }

        @Override
        protected OrderBook parse(String message) {
            GrvtFeed feed = rest.read(message, GrvtFeed.class);
            if (!"v1.book.s".equals(feed.stream()) || feed.feed() == null) {
                return null;
            }
            GrvtOrderbookLevels levels = rest.mapper().convertValue(feed.feed(), GrvtOrderbookLevels.class);
            if (!instrument.equals(levels.instrument())) {
                return null;
            }
            long sequence = feed.sequenceNumber() == null ? 0 : Long.parseLong(feed.sequenceNumber());
            return GrvtAdapters.book(client.venue(), levels, symbol(), BOOK_DEPTH, sequence, Instant.now());
        }
    }

    private final class User extends UserStream {

        private volatile GrvtSession.Cookie cookie;
        private final SubscriptionConfirmations confirmations = new SubscriptionConfirmations(
                client.venue() + " account feeds", SUBSCRIBE_ACK_TIMEOUT, scheduler());

        User() {
            super(client.venue() + " account feeds", client, http(), scheduler());
        }

        @Override
        public CompletableFuture<URI> endpoint() {
            return client.marketsLoaded().thenCompose(loaded -> rest.session().get()).thenApply(session -> {
                cookie = session;
                return config.tradesWsUri();
            });
        }

        @Override
        public Map<String, String> upgradeHeaders() {
            GrvtSession.Cookie current = cookie;
            return current == null ? Map.of() : current.headers();
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            String account = rest.subAccountId();
            confirmations.expect(connection, ACCOUNT_STREAMS);
            for (String stream : ACCOUNT_STREAMS) {
                connection.send(GrvtStreams.this.subscribe(stream, account));
            }
        }

        @Override
        protected void dispatch(String text) {
            GrvtFeed feed = rest.read(text, GrvtFeed.class);
            if (feed.error() != null) {
                if (feed.error().code() != null && feed.error().code() == 1000) {
                    rest.session().expired(cookie);
                    connection().reconnect("session expired");
                }
                return;
            }
            if (feed.result() != null && feed.result().hasNonNull("stream")) {
                confirmations.confirmed(feed.result().path("stream").asText());
                return;
            }
            if (feed.feed() == null || feed.stream() == null) {
                return;
            }
            switch (feed.stream()) {
                case "v1.order" -> {
                    GrvtOrder order = rest.mapper().convertValue(feed.feed(), GrvtOrder.class);
                    String name = order.legs() == null || order.legs().isEmpty() ? null : order.legs().get(0).instrument();
                    client.instrumentOf(name).ifPresent(i -> deliverOrder(GrvtAdapters.order(client.venue(), order,
                            i.symbol(), client.clientOrderId(order.metadata() == null ? null
                                    : order.metadata().clientOrderId()))));
                }
                case "v1.fill" -> {
                    GrvtFill fill = rest.mapper().convertValue(feed.feed(), GrvtFill.class);
                    client.instrumentOf(fill.instrument()).ifPresent(i -> deliverFill(GrvtAdapters.fill(client.venue(),
                            fill, i.symbol(), client.clientOrderId(fill.clientOrderId()))));
                }
                case "v1.position" -> {
                    GrvtPosition position = rest.mapper().convertValue(feed.feed(), GrvtPosition.class);
                    client.instrumentOf(position.instrument()).ifPresent(i -> deliverPosition(GrvtAdapters.position(
                            client.venue(), position, i.symbol(), Instant.now())));
                }
                default -> { }
            }
        }
    }
}
