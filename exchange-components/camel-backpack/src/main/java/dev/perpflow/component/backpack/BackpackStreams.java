package dev.perpflow.component.backpack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.backpack.client.BackpackRestApi;
import dev.perpflow.component.backpack.dto.BackpackDepthUpdate;
import dev.perpflow.component.backpack.dto.BackpackOrderUpdate;
import dev.perpflow.component.backpack.dto.BackpackPositionUpdate;
import dev.perpflow.component.backpack.dto.BackpackStreamMessage;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.DiffBookStream;
import dev.perpflow.exchange.dto.Payloads;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.stream.StreamConnection;
import dev.perpflow.exchange.stream.UserStream;
import dev.perpflow.exchange.stream.VenueStreams;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backpack's streams, all on one WebSocket URL with subscriptions sent after connecting: the {@code depth.<symbol>}
 * book per market ({@link Book}) and the signed account stream ({@link User}).
 */
final class BackpackStreams extends VenueStreams {

    private static final Logger LOG = LoggerFactory.getLogger(BackpackStreams.class);
    static final List<String> ACCOUNT_STREAMS = List.of("account.orderUpdate", "account.positionUpdate");

    private final BackpackExchangeClient client;
    private final BackpackRestApi rest;
    private final URI wsUrl;

    BackpackStreams(BackpackExchangeClient client, BackpackRestApi rest, URI wsUrl, HttpClient http) {
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

    /** {@code {"method":"SUBSCRIBE","params":[streams...]}}. */
    private ObjectNode subscribe(List<String> streams) {
        ObjectNode subscribe = rest.mapper().createObjectNode().put("method", "SUBSCRIBE");
        ArrayNode params = subscribe.putArray("params");
        streams.forEach(params::add);
        return subscribe;
    }

    /**
     * A local book for one Backpack market: {@code depth.<symbol>} updates with first and last ids {@code U}/{@code u}
     * over an {@code /api/v1/depth} snapshot ({@code lastUpdateId}); updates ending at or before the snapshot are
     * dropped, the first used covers {@code lastUpdateId + 1}, and each next one must start at the previous
     * {@code u} plus one. The procedure itself is {@link DiffBookStream}'s.
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
                return wsUrl;
            });
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            connection.send(BackpackStreams.this.subscribe(List.of("depth." + venueSymbol)).toString());
        }

        @Override
        protected Update parse(String text) {
            BackpackStreamMessage message = rest.read(text, BackpackStreamMessage.class);
            if (message.error() != null) {
                LOG.warn("{} book {}: the venue refused the subscription: {}", client.venue(), symbol(),
                        message.error());
                return null;
            }
            if (message.data() == null || !("depth." + venueSymbol).equals(message.stream())
                    || !"depth".equals(message.data().path("e").asText())) {
                return null;
            }
            BackpackDepthUpdate event = rest.read(message.data().toString(), BackpackDepthUpdate.class);
            return new Update(event.firstUpdateId(), event.lastUpdateId(), 0,
                    BackpackAdapters.levels(client.venue(), event.bids(), Integer.MAX_VALUE, true),
                    BackpackAdapters.levels(client.venue(), event.asks(), Integer.MAX_VALUE, false),
                    event.engineTime() == null ? Instant.now()
                            : Payloads.micros(client.venue(), event.engineTime(), "T", event));
        }

        @Override
        protected CompletableFuture<Snapshot> snapshot() {
            return rest.getDepth(venueSymbol, 1000).thenApply(depth -> new Snapshot(
                    BackpackAdapters.levels(client.venue(), depth.bids(), Integer.MAX_VALUE, true),
                    BackpackAdapters.levels(client.venue(), depth.asks(), Integer.MAX_VALUE, false),
                    depth.lastUpdateId()));
        }

        @Override
        protected Start startsAfter(long snapshotId, Update update) {
            if (update.last() <= snapshotId) {
                return Start.ALREADY_IN_SNAPSHOT;
            }
            return update.first() > snapshotId + 1 ? Start.GAP : Start.CONTINUES;
        }

        @Override
        protected boolean follows(long appliedId, Update update) {
            return update.first() == appliedId + 1;
        }
    }

    /**
     * Backpack's private stream: {@code account.orderUpdate} (orders, and fills on {@code orderFill}) and
     * {@code account.positionUpdate}, subscribed with a signature of {@code instruction=subscribe&timestamp&window}
     * made fresh on every connect; the catch-up after a reconnect is {@link UserStream}'s.
     */
    private final class User extends UserStream {

        User() {
            super(client.venue() + " account stream", client, http(), scheduler());
        }

        @Override
        public CompletableFuture<URI> endpoint() {
            // markets first: events are mapped to perpflow symbols from the cached list
            return client.marketsLoaded().thenApply(ignored -> wsUrl);
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            ObjectNode subscribe = BackpackStreams.this.subscribe(ACCOUNT_STREAMS);
            ArrayNode signed = subscribe.putArray("signature");
            for (String part : rest.streamSignature()) {
                signed.add(part);
            }
            connection.send(subscribe.toString());
        }

        @Override
        protected void dispatch(String text) {
            BackpackStreamMessage message = rest.read(text, BackpackStreamMessage.class);
            if (message.error() != null) {
                // a refused subscribe (bad signature, expired window): a fresh signature on reconnect may pass
                LOG.error("{} account stream: the venue refused the subscription: {}", client.venue(), message.error());
                connection().reconnect("subscription refused");
                return;
            }
            String stream = String.valueOf(message.stream());
            if (message.data() == null) {
                return;
            }
            if (stream.startsWith("account.orderUpdate")) {
                onOrderUpdate(rest.read(message.data().toString(), BackpackOrderUpdate.class));
            } else if (stream.startsWith("account.positionUpdate")) {
                onPositionUpdate(rest.read(message.data().toString(), BackpackPositionUpdate.class));
            }
        }

        private void onOrderUpdate(BackpackOrderUpdate event) {
            Optional<Instrument> instrument = client.instrumentOf(event.symbol());
            if (instrument.isEmpty()) {
                return;
            }
            String clientOrderId = client.clientOrderIdOf(event.clientId(), event.orderId());
            if ("orderFill".equals(event.eventType())) {
                deliverFill(BackpackAdapters.fill(client.venue(), event, instrument.get().symbol(), clientOrderId));
            }
            deliverOrder(BackpackAdapters.order(client.venue(), event, instrument.get().symbol(), clientOrderId));
        }

        private void onPositionUpdate(BackpackPositionUpdate event) {
            client.instrumentOf(event.symbol()).ifPresent(instrument -> deliverPosition(
                    BackpackAdapters.position(client.venue(), event, instrument.symbol())));
        }
    }
}
