package dev.perpflow.component.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.component.edgex.client.EdgexRestApi;
import dev.perpflow.component.edgex.dto.EdgexDepth;
import dev.perpflow.component.edgex.dto.EdgexFill;
import dev.perpflow.component.edgex.dto.EdgexOrder;
import dev.perpflow.component.edgex.dto.EdgexStreamMessage;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.DiffBookStream;
import dev.perpflow.exchange.book.SeenLevels;
import dev.perpflow.exchange.model.PriceLevel;
import dev.perpflow.exchange.stream.StreamConnection;
import dev.perpflow.exchange.stream.UserStream;
import dev.perpflow.exchange.stream.VenueStreams;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EdgeX's streams: the public quote WebSocket ({@code /api/v1/public/ws}) with {@code depth.<contractId>.15} per book
 * ({@link Book}), and the private WebSocket ({@code /api/v1/private/ws?accountId=&timestamp=}, upgrade signed with
 * the API key's HMAC) pushing {@code trade-event}s ({@link User}). Both answer the server's
 * {@code {"type":"ping","time":t}} with {@code {"type":"pong","time":t}}.
 */
final class EdgexStreams extends VenueStreams {

    private static final Logger LOG = LoggerFactory.getLogger(EdgexStreams.class);
    static final String PUBLIC_PATH = "/api/v1/public/ws";
    static final String PRIVATE_PATH = "/api/v1/private/ws";
    private static final long WHOLE_BOOK = -1;

    private final EdgexExchangeClient client;
    private final EdgexRestApi rest;
    private final URI wsUrl;
    private final Clock clock;

    EdgexStreams(EdgexExchangeClient client, EdgexRestApi rest, URI wsUrl, HttpClient http, Clock clock) {
        super(client.venue(), http);
        this.client = client;
        this.rest = rest;
        this.wsUrl = wsUrl;
        this.clock = clock;
    }

    @Override
    protected DiffBookStream newBookStream(String symbol, BookListener listener) {
        return new Book(symbol, listener);
    }

    @Override
    protected UserStream newUserStream() {
        return new User();
    }

    /** Answers a server ping; true when {@code message} was one. */
    private boolean pong(EdgexStreamMessage message, StreamConnection connection) {
        if (!"ping".equals(message.type())) {
            return false;
        }
        if (connection != null) {
            connection.send(rest.mapper().createObjectNode().put("type", "pong").put("time", message.time()).toString());
        }
        return true;
    }

    /**
     * One contract's book: a {@code Snapshot} message replaces the book (levels it no longer lists are removed), a
     * {@code Changed} one must start at the previous {@code endVersion} + 1; the REST snapshot is {@code getDepth}
     * with its {@code endVersion}. Resync and publishing are {@link DiffBookStream}'s.
     */
    private final class Book extends DiffBookStream {

        private volatile String contractId;
        private volatile StreamConnection connection;
        private final SeenLevels seen = new SeenLevels();

        Book(String symbol, BookListener listener) {
            super(client.venue(), symbol, listener, http(), scheduler());
        }

        @Override
        protected CompletableFuture<URI> streamUri() {
            return client.instrument(symbol()).thenApply(instrument -> {
                contractId = instrument.venueSymbol();
                return URI.create(wsUrl + PUBLIC_PATH + "?timestamp=" + clock.millis());
            });
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            this.connection = connection;
            connection.send(rest.mapper().createObjectNode().put("type", "subscribe")
                    .put("channel", "depth." + contractId + ".15").toString());
        }

        @Override
        protected Update parse(String text) {
            EdgexStreamMessage message = rest.read(text, EdgexStreamMessage.class);
            if (pong(message, connection)) {
                return null;
            }
            if ("error".equals(message.type())) {
                LOG.warn("{} book {}: the venue refused a request: {}", client.venue(), symbol(), message.content());
                return null;
            }
            if (!"quote-event".equals(message.type()) || !("depth." + contractId + ".15").equals(message.channel())
                    || message.content() == null || !message.content().path("data").isArray()
                    || message.content().path("data").isEmpty()) {
                return null;
            }
            EdgexDepth depth = rest.read(message.content().path("data").get(0).toString(), EdgexDepth.class);
            boolean whole = "SNAPSHOT".equalsIgnoreCase(depth.depthType())
                    || "Snapshot".equalsIgnoreCase(message.content().path("dataType").asText());
            List<PriceLevel> bids = EdgexAdapters.levels(depth.bids(), Integer.MAX_VALUE);
            List<PriceLevel> asks = EdgexAdapters.levels(depth.asks(), Integer.MAX_VALUE);
            if (whole) {
                SeenLevels.Sides sides = seen.replace(bids, asks);
                bids = sides.bids();
                asks = sides.asks();
            } else {
                seen.note(bids, asks);
            }
            long last = depth.endVersion() == null ? 0 : depth.endVersion();
            long first = depth.startVersion() == null ? last : depth.startVersion();
            return new Update(first, last, whole ? WHOLE_BOOK : first - 1, bids, asks, Instant.now());
        }

        @Override
        protected CompletableFuture<Snapshot> snapshot() {
            return rest.getDepth(contractId, 15).thenApply(rows -> {
                EdgexDepth depth = rows.get(0);
                List<PriceLevel> bids = EdgexAdapters.levels(depth.bids(), Integer.MAX_VALUE);
                List<PriceLevel> asks = EdgexAdapters.levels(depth.asks(), Integer.MAX_VALUE);
                seen.reset(bids, asks);
                return new Snapshot(bids, asks, depth.endVersion() == null ? 0 : depth.endVersion());
            });
        }

        @Override
        protected Start startsAfter(long snapshotId, Update update) {
            if (update.last() <= snapshotId) {
                return Start.ALREADY_IN_SNAPSHOT;
            }
            return update.previous() == WHOLE_BOOK || update.first() <= snapshotId + 1 ? Start.CONTINUES : Start.GAP;
        }

        @Override
        protected boolean follows(long appliedId, Update update) {
            return update.previous() == WHOLE_BOOK ? update.last() > appliedId : update.first() == appliedId + 1;
        }
    }

    /**
     * The private stream: connects with the HMAC of {@code accountId} and {@code timestamp} in the upgrade headers,
     * delivers the {@code order}, {@code orderFillTransaction} and {@code position} groups of each
     * {@code trade-event}; the catch-up after a reconnect is {@link UserStream}'s.
     */
    private final class User extends UserStream {

        private volatile long timestamp;

        User() {
            super(client.venue() + " private stream", client, http(), scheduler());
        }

        @Override
        public CompletableFuture<URI> endpoint() {
            return client.marketsLoaded().thenApply(ignored -> {
                timestamp = clock.millis();
                return URI.create(wsUrl + PRIVATE_PATH + "?accountId=" + rest.credentials().accountId()
                        + "&timestamp=" + timestamp);
            });
        }

        @Override
        public Map<String, String> upgradeHeaders() {
            return rest.streamHeaders(PRIVATE_PATH, timestamp);
        }

        @Override
        protected void dispatch(String text) {
            EdgexStreamMessage message = rest.read(text, EdgexStreamMessage.class);
            if (pong(message, connection())) {
                return;
            }
            if ("error".equals(message.type())) {
                LOG.error("{} private stream: the venue refused: {}", client.venue(), message.content());
                return;
            }
            if (!"trade-event".equals(message.type()) || message.content() == null) {
                return;
            }
            JsonNode data = message.content().path("data");
            for (JsonNode row : data.path("order")) {
                EdgexOrder order = rest.read(row.toString(), EdgexOrder.class);
                client.instrumentOf(order.contractId()).ifPresent(i -> deliverOrder(EdgexAdapters.order(client.venue(),
                        order, i.symbol())));
            }
            for (JsonNode row : data.path("orderFillTransaction")) {
                EdgexFill fill = rest.read(row.toString(), EdgexFill.class);
                client.instrumentOf(fill.contractId()).ifPresent(i -> deliverFill(EdgexAdapters.fill(client.venue(),
                        fill, i.symbol(), fill.clientOrderId())));
            }
            for (JsonNode row : data.path("position")) {
                var entry = rest.read(row.toString(),
                        dev.perpflow.component.edgex.dto.EdgexAccountAsset.PositionEntry.class);
                client.instrumentOf(entry.contractId()).ifPresent(i -> deliverPosition(EdgexAdapters.position(
                        client.venue(), entry.openSize() == null ? zero(entry) : entry, null, i.symbol(),
                        Instant.now())));
            }
        }

        private dev.perpflow.component.edgex.dto.EdgexAccountAsset.PositionEntry zero(
                dev.perpflow.component.edgex.dto.EdgexAccountAsset.PositionEntry entry) {
            return new dev.perpflow.component.edgex.dto.EdgexAccountAsset.PositionEntry(entry.contractId(),
                    BigDecimal.ZERO, entry.openValue(), entry.fundingFee(), entry.updatedTime());
        }
    }
}
