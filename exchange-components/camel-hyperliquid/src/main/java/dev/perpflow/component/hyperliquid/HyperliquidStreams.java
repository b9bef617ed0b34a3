package dev.perpflow.component.hyperliquid;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.perpflow.component.hyperliquid.client.HyperliquidRestApi;
import dev.perpflow.component.hyperliquid.dto.HyperliquidFill;
import dev.perpflow.component.hyperliquid.dto.HyperliquidL2Book;
import dev.perpflow.component.hyperliquid.dto.HyperliquidOrderUpdate;
import dev.perpflow.component.hyperliquid.dto.HyperliquidUserFills;
import dev.perpflow.component.hyperliquid.dto.HyperliquidWsMessage;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.BookStream;
import dev.perpflow.exchange.book.SnapshotBookStream;
import dev.perpflow.exchange.model.Instrument;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hyperliquid's WebSocket ({@code /ws}): one connection per book ({@code l2Book}: every message is the whole book,
 * up to 20 levels a side) and one for the account ({@code orderUpdates} and {@code userFills} of the account address;
 * the first {@code userFills} message is a snapshot, left to the REST catch-up). Subscriptions are
 * {@code {"method":"subscribe","subscription":{…}}}; the venue closes a connection silent for 60 s, so each sends
 * {@code {"method":"ping"}} every 30 s (answered on the {@code pong} channel).
 */
final class HyperliquidStreams extends VenueStreams {

    private static final Logger LOG = LoggerFactory.getLogger(HyperliquidStreams.class);

    static final String PING = "{\"method\":\"ping\"}";
    /**
     * How long the venue has to confirm the account subscriptions before the stream connects again. Generous: after a
     * reconnect the confirmations wait behind the REST catch-up.
     */
    static final Duration SUBSCRIBE_ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final int BOOK_DEPTH = 20;

    private final HyperliquidExchangeClient client;
    private final HyperliquidRestApi rest;
    private final String wsUrl;

    HyperliquidStreams(HyperliquidExchangeClient client, HyperliquidRestApi rest, String wsUrl, HttpClient http) {
        super(client.venue(), http);
        this.client = client;
        this.rest = rest;
        this.wsUrl = wsUrl;
    }

    @Override
    protected BookStream newBookStream(String symbol, BookListener listener) {
        return new Book(symbol, listener);
    }

    @Override
    protected UserStream newUserStream() {
        return new User();
    }

    static String subscribe(String subscription) {
        return "{\"method\":\"subscribe\",\"subscription\":" + subscription + "}";
    }

    private final class Book extends SnapshotBookStream {

        private volatile String coin;

        Book(String symbol, BookListener listener) {
            super(client.venue(), symbol, listener, http(), scheduler());
        }

        @Override
        protected CompletableFuture<URI> streamUri() {
            return client.instrument(symbol()).thenApply(instrument -> {
                coin = instrument.venueSymbol();
                return URI.create(wsUrl);
            });
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            connection.send(HyperliquidStreams.subscribe("{\"type\":\"l2Book\",\"coin\":\"" + coin + "\"}"));
        }

        @Override
        protected OrderBook parse(String message) {
            HyperliquidWsMessage ws = rest.read(message, HyperliquidWsMessage.class);
            if (!"l2Book".equals(ws.channel()) || ws.data() == null) {
                return null;
            }
            HyperliquidL2Book book = rest.mapper().convertValue(ws.data(), HyperliquidL2Book.class);
            return coin.equals(book.coin())
                    ? HyperliquidAdapters.book(client.venue(), book, symbol(), BOOK_DEPTH, Instant.now()) : null;
        }

        @Override
        public String heartbeat() {
            return PING;
        }
    }

    private final class User extends UserStream {

        /** Fills are delivered one after the other, in the venue's order, also when one waits for its order's id. */
        private CompletableFuture<Void> fillsInOrder = CompletableFuture.completedFuture(null);
        private final SubscriptionConfirmations confirmations = new SubscriptionConfirmations(
                client.venue() + " user stream", SUBSCRIBE_ACK_TIMEOUT, scheduler());

        User() {
            super(client.venue() + " user stream", client, http(), scheduler());
        }

        @Override
        public CompletableFuture<URI> endpoint() {
            return client.marketsLoaded().thenApply(loaded -> URI.create(wsUrl));
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            String user = rest.accountAddress();
            confirmations.expect(connection, List.of("orderUpdates", "userFills"));
            connection.send(HyperliquidStreams.subscribe("{\"type\":\"orderUpdates\",\"user\":\"" + user + "\"}"));
            connection.send(HyperliquidStreams.subscribe("{\"type\":\"userFills\",\"user\":\"" + user + "\"}"));
        }

        @Override
        protected void dispatch(String text) {
            HyperliquidWsMessage ws = rest.read(text, HyperliquidWsMessage.class);
            if (ws.data() == null) {
                return;
            }
            switch (String.valueOf(ws.channel())) {
                case "subscriptionResponse" -> confirmations.confirmed(ws.data().path("subscription").path("type")
                        .asText());
                case "orderUpdates" -> {
                    List<HyperliquidOrderUpdate> updates = rest.mapper().convertValue(ws.data(),
                            new TypeReference<List<HyperliquidOrderUpdate>>() { });
                    for (HyperliquidOrderUpdate update : updates) {
                        Optional<Instrument> instrument = client.instrumentOf(update.order() == null ? null
                                : update.order().coin());
                        instrument.ifPresent(i -> deliverOrder(HyperliquidAdapters.order(client.venue(), update,
                                i.symbol(), client.clientOrderId(update.order().cloid(), update.order().oid()))));
                    }
                }
                case "userFills" -> {
                    HyperliquidUserFills fills = rest.mapper().convertValue(ws.data(), HyperliquidUserFills.class);
                    if (Boolean.TRUE.equals(fills.isSnapshot()) || fills.fills() == null) {
                        return; // history: the reconnect catch-up asks for the fills it needs by REST
                    }
                    for (HyperliquidFill fill : fills.fills()) {
                        client.instrumentOf(fill.coin()).ifPresent(i -> fillsInOrder = fillsInOrder
                                .thenCompose(previous -> client.resolveClientOrderId(fill.cloid(), fill.oid()))
                                .thenAccept(id -> deliverFill(HyperliquidAdapters.fill(client.venue(), fill,
                                        i.symbol(), id)))
                                .exceptionally(failure -> {
                                    LOG.warn("{}: fill {} of order {} not delivered", client.venue(), fill.tid(),
                                            fill.oid(), failure);
                                    return null;
                                }));
                    }
                }
                default -> { }
            }
        }

        @Override
        public String heartbeat() {
            return PING;
        }
    }
}
