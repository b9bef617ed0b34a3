package dev.perpflow.component.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.lighter.client.LighterRestApi;
import dev.perpflow.component.lighter.dto.LighterBookUpdate;
import dev.perpflow.component.lighter.dto.LighterOrder;
import dev.perpflow.component.lighter.dto.LighterPosition;
import dev.perpflow.component.lighter.dto.LighterStreamMessage;
import dev.perpflow.component.lighter.dto.LighterTrade;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.DiffBookStream;
import dev.perpflow.exchange.stream.StreamConnection;
import dev.perpflow.exchange.stream.UserStream;
import dev.perpflow.exchange.stream.VenueStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lighter's streams, all on one WebSocket URL with subscriptions sent after connecting
 * ({@code {"type":"subscribe","channel":...}}): the {@code order_book/{market}} book per market ({@link Book}) and the
 * account's private channels ({@link User}). Lighter pings with {@code {"type":"ping"}} and closes a connection that
 * sends nothing for 2 minutes: both are answered and a ping is sent every minute.
 */
final class LighterStreams extends VenueStreams {

    private static final Logger LOG = LoggerFactory.getLogger(LighterStreams.class);
    static final List<String> ACCOUNT_CHANNELS = List.of("account_all_orders", "account_all_trades",
            "account_all_positions");
    private static final long KEEPALIVE_SECONDS = 60;
    /** How long a (re)subscription may take to bring its snapshot before the book asks again. */
    private static final long SNAPSHOT_TIMEOUT_SECONDS = 10;

    private static final String PING = "{\"type\":\"ping\"}";
    private static final String PONG = "{\"type\":\"pong\"}";

    private final LighterExchangeClient client;
    private final LighterRestApi rest;
    private final URI wsUrl;
    private final java.util.Map<StreamConnection, CompletableFuture<Void>> pendingSends = new java.util.WeakHashMap<>();

    LighterStreams(LighterExchangeClient client, LighterRestApi rest, URI wsUrl, HttpClient http) {
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

    private String message(String type, String channel, String auth) {
        ObjectNode message = rest.mapper().createObjectNode().put("type", type).put("channel", channel);
        if (auth != null) {
            message.put("auth", auth);
        }
        return message.toString();
    }

    /** Sends a ping every minute while connected; returns the task to cancel. */
    private ScheduledFuture<?> keepAlive(StreamConnection connection) {
        return scheduler().scheduleAtFixedRate(() -> {
            if (connection.isConnected()) {
                send(connection, PING);
            }
        }, KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Sends {@code text} after everything sent before on that connection: a JDK WebSocket takes one send at a time
     * and fails the next while one is pending, and Lighter needs one message per subscription.
     */
    private void send(StreamConnection connection, String text) {
        synchronized (pendingSends) {
            CompletableFuture<Void> previous = pendingSends.getOrDefault(connection,
                    CompletableFuture.completedFuture(null));
            CompletableFuture<Void> next = previous.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> connection.send(text));
            next.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    LOG.debug("{}: a stream message was not sent ({})", client.venue(), failure.toString());
                }
            });
            pendingSends.put(connection, next);
        }
    }

    /**
     * A local book for one Lighter market. Lighter sends the whole book on subscribing ({@code subscribed/order_book},
     * with the book's {@code nonce}) and then changed levels ({@code update/order_book}); an update continues the book
     * when its {@code begin_nonce} is the nonce the book is at ({@code offset} is no longer contiguous). The snapshot
     * of {@link DiffBookStream}'s procedure is therefore the subscription's answer: a gap unsubscribes and subscribes
     * again for a fresh one.
     */
    private final class Book extends DiffBookStream {

        private volatile String channel;
        private volatile StreamConnection connection;
        private CompletableFuture<Snapshot> pendingSnapshot;
        private boolean freshSubscription;
        private ScheduledFuture<?> keepAlive;

        Book(String symbol, BookListener listener) {
            super(client.venue(), symbol, listener, http(), scheduler());
        }

        @Override
        protected CompletableFuture<URI> streamUri() {
            return client.market(symbol()).thenApply(market -> {
                channel = "order_book/" + market.marketId();
                return wsUrl;
            });
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            this.connection = connection;
            synchronized (this) {
                pendingSnapshot = new CompletableFuture<>();
                freshSubscription = true;
                if (keepAlive != null) {
                    keepAlive.cancel(false);
                }
                keepAlive = keepAlive(connection);
            }
            send(connection, message("subscribe", channel, null));
        }

        @Override
        protected Update parse(String text) {
            LighterStreamMessage message = rest.read(text, LighterStreamMessage.class);
            String type = String.valueOf(message.type());
            if (type.equals("ping")) {
                send(connection, PONG);
                return null;
            }
            if (message.error() != null) {
                LOG.warn("{} book {}: the venue refused the subscription: {}", client.venue(), symbol(),
                        message.error());
                return null;
            }
            if (message.orderBook() == null || !channel.replace('/', ':').equals(message.channel())) {
                return null;
            }
            LighterBookUpdate book = rest.read(message.orderBook().toString(), LighterBookUpdate.class);
            if (type.startsWith("subscribed/")) {
                snapshotArrived(new Snapshot(LighterAdapters.levels(book.bids()), LighterAdapters.levels(book.asks()),
                        book.nonce() == null ? 0 : book.nonce()));
                return null;
            }
            long nonce = book.nonce() == null ? 0 : book.nonce();
            long begin = book.beginNonce() == null ? nonce : book.beginNonce();
            Instant at = message.timestamp() == null ? Instant.now() : Instant.ofEpochMilli(message.timestamp());
            return new Update(begin, nonce, begin, LighterAdapters.levels(book.bids()),
                    LighterAdapters.levels(book.asks()), at);
        }

        private synchronized void snapshotArrived(Snapshot snapshot) {
            if (pendingSnapshot != null && !pendingSnapshot.isDone()) {
                pendingSnapshot.complete(snapshot);
            }
        }

        /** The subscription's own snapshot; after a gap or a timeout, a fresh one by subscribing again. */
        @Override
        protected synchronized CompletableFuture<Snapshot> snapshot() {
            if (freshSubscription) {
                freshSubscription = false;
                return pendingSnapshot.orTimeout(SNAPSHOT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            pendingSnapshot = new CompletableFuture<>();
            StreamConnection current = connection;
            if (current != null) {
                send(current, message("unsubscribe", channel, null));
                send(current, message("subscribe", channel, null));
            }
            return pendingSnapshot.orTimeout(SNAPSHOT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        protected Start startsAfter(long snapshotId, Update update) {
            if (update.last() <= snapshotId) {
                return Start.ALREADY_IN_SNAPSHOT;
            }
            return update.previous() == snapshotId ? Start.CONTINUES : Start.GAP;
        }

        @Override
        protected boolean follows(long appliedId, Update update) {
            return update.previous() == appliedId;
        }
    }

    /**
     * The account's private channels, each subscribed with a fresh auth token on every connect:
     * {@code account_all_orders/{account}} (orders by market), {@code account_all_trades/{account}} (fills) and
     * {@code account_all_positions/{account}}; the reconnect catch-up is {@link UserStream}'s.
     */
    private final class User extends UserStream {

        private ScheduledFuture<?> keepAlive;

        User() {
            super(client.venue() + " account stream", client, http(), scheduler());
        }

        @Override
        public CompletableFuture<URI> endpoint() {
            // markets first: events name markets by id, mapped to perpflow symbols from the cached list
            return client.marketsLoaded().thenApply(ignored -> wsUrl);
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            String auth = rest.authToken();
            long account = rest.accountIndex();
            for (String channel : ACCOUNT_CHANNELS) {
                send(connection, message("subscribe", channel + "/" + account, auth));
            }
            synchronized (this) {
                if (keepAlive != null) {
                    keepAlive.cancel(false);
                }
                keepAlive = keepAlive(connection);
            }
        }

        @Override
        protected void dispatch(String text) {
            LighterStreamMessage message = rest.read(text, LighterStreamMessage.class);
            String type = String.valueOf(message.type());
            if (type.equals("ping")) {
                send(connection(), PONG);
                return;
            }
            if (message.error() != null) {
                // a refused subscribe (expired token): a fresh token on reconnect may pass
                LOG.error("{} account stream: the venue refused a subscription: {}", client.venue(), message.error());
                connection().reconnect("subscription refused");
                return;
            }
            if (message.orders() != null) {
                byMarket(message.orders(), (marketId, node) -> {
                    for (JsonNode item : node) {
                        LighterOrder order = rest.read(item.toString(), LighterOrder.class);
                        client.symbolOf(marketId).ifPresent(symbol -> deliverOrder(LighterAdapters.order(
                                client.venue(), order, symbol, client.clientOrderIdOf(order.clientOrderIndex(),
                                        order.orderIndex()))));
                    }
                });
            }
            if (message.trades() != null) {
                long account = rest.accountIndex();
                byMarket(message.trades(), (marketId, node) -> {
                    for (JsonNode item : node) {
                        LighterTrade trade = rest.read(item.toString(), LighterTrade.class);
                        if (LighterAdapters.isOwn(trade, account)) {
                            client.symbolOf(marketId).ifPresent(symbol -> deliverFill(LighterAdapters.fill(
                                    client.venue(), trade, account, symbol, client::clientOrderIdOf)));
                        }
                    }
                });
            }
            if (message.positions() != null) {
                byMarket(message.positions(), (marketId, node) -> {
                    LighterPosition position = rest.read(node.toString(), LighterPosition.class);
                    client.symbolOf(marketId).ifPresent(symbol -> deliverPosition(LighterAdapters.position(
                            client.venue(), position, symbol, Instant.now())));
                });
            }
        }

        private void byMarket(JsonNode byMarket, java.util.function.BiConsumer<Integer, JsonNode> each) {
            for (Iterator<Map.Entry<String, JsonNode>> it = byMarket.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                try {
                    each.accept(Integer.valueOf(entry.getKey()), entry.getValue());
                } catch (NumberFormatException e) {
                    LOG.debug("{} account stream: market key '{}' ignored", client.venue(), entry.getKey());
                }
            }
        }
    }
}
