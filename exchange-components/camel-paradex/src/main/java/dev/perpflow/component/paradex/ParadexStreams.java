package dev.perpflow.component.paradex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.paradex.client.ParadexRestApi;
import dev.perpflow.component.paradex.dto.ParadexBookUpdate;
import dev.perpflow.component.paradex.dto.ParadexFill;
import dev.perpflow.component.paradex.dto.ParadexOrder;
import dev.perpflow.component.paradex.dto.ParadexPosition;
import dev.perpflow.component.paradex.dto.ParadexStreamMessage;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.DiffBookStream;
import dev.perpflow.exchange.book.SeenLevels;
import dev.perpflow.exchange.dto.Payloads;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.PriceLevel;
import dev.perpflow.exchange.stream.StreamConnection;
import dev.perpflow.exchange.stream.UserStream;
import dev.perpflow.exchange.stream.VenueStreams;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paradex's WebSocket API (JSON-RPC 2.0 on one URL): the {@code order_book.<market>.snapshot@15@100ms} channel per
 * book ({@link Book}) and, after {@code auth} with the REST layer's JWT, the private {@code orders.ALL},
 * {@code fills.ALL} and {@code positions} channels ({@link User}). Pushes are
 * {@code {"method":"subscription","params":{"channel":...,"data":...}}}; the server's WebSocket pings are answered by
 * the JDK.
 */
final class ParadexStreams extends VenueStreams {

    private static final Logger LOG = LoggerFactory.getLogger(ParadexStreams.class);
    static final List<String> PRIVATE_CHANNELS = List.of("orders.ALL", "fills.ALL", "positions");
    /** {@link DiffBookStream.Update#previous()} of a message that carries the whole top of the book. */
    private static final long WHOLE_BOOK = -1;

    private final ParadexExchangeClient client;
    private final ParadexRestApi rest;
    private final URI wsUrl;
    private final AtomicLong requestIds = new AtomicLong();

    ParadexStreams(ParadexExchangeClient client, ParadexRestApi rest, URI wsUrl, HttpClient http) {
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

    private ObjectNode request(String method) {
        ObjectNode request = rest.mapper().createObjectNode().put("jsonrpc", "2.0").put("method", method);
        request.put("id", requestIds.incrementAndGet());
        return request;
    }

    private String subscribe(String channel) {
        ObjectNode subscribe = request("subscribe");
        subscribe.putObject("params").put("channel", channel);
        return subscribe.toString();
    }

    /**
     * One market's book from the snapshot channel: each message carries the whole top of the book ({@code s}) or
     * changes ({@code d}) with a {@code seq_no}. A whole book replaces the local one (levels it no longer lists are
     * removed); changes must follow the previous {@code seq_no}. Resync rules and publishing are {@link DiffBookStream}'s.
     */
    private final class Book extends DiffBookStream {

        private volatile String market;
        private final SeenLevels seen = new SeenLevels();

        Book(String symbol, BookListener listener) {
            super(client.venue(), symbol, listener, http(), scheduler());
        }

        @Override
        protected CompletableFuture<URI> streamUri() {
            return client.instrument(symbol()).thenApply(instrument -> {
                market = instrument.venueSymbol();
                return wsUrl;
            });
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            connection.send(ParadexStreams.this.subscribe("order_book." + market + ".snapshot@15@100ms"));
        }

        @Override
        protected Update parse(String text) {
            ParadexStreamMessage message = rest.read(text, ParadexStreamMessage.class);
            if (message.error() != null) {
                LOG.warn("{} book {}: the venue refused a request: {}", client.venue(), symbol(), message.error());
                return null;
            }
            String channel = message.channel();
            if (!"subscription".equals(message.method()) || channel == null
                    || !channel.startsWith("order_book." + market + ".") || message.data() == null) {
                return null;
            }
            ParadexBookUpdate update = rest.read(message.data().toString(), ParadexBookUpdate.class);
            long seq = Payloads.required(client.venue(), update.seqNo(), "seq_no", update);
            boolean whole = "s".equals(update.updateType());
            List<PriceLevel> bids = new ArrayList<>();
            List<PriceLevel> asks = new ArrayList<>();
            add(update.inserts(), bids, asks, false);
            if (whole) {
                SeenLevels.Sides sides = seen.replace(bids, asks);
                bids = sides.bids();
                asks = sides.asks();
            } else {
                add(update.updates(), bids, asks, false);
                add(update.deletes(), bids, asks, true);
                seen.note(bids, asks);
            }
            return new Update(seq, seq, whole ? WHOLE_BOOK : seq - 1, bids, asks,
                    update.lastUpdatedAt() == null ? Instant.now() : Instant.ofEpochMilli(update.lastUpdatedAt()));
        }

        private void add(List<ParadexBookUpdate.Level> levels, List<PriceLevel> bids, List<PriceLevel> asks,
                boolean delete) {
            if (levels == null) {
                return;
            }
            for (ParadexBookUpdate.Level level : levels) {
                ("BUY".equals(level.side()) ? bids : asks).add(new PriceLevel(level.price(),
                        delete ? BigDecimal.ZERO : level.size()));
            }
        }

        @Override
        protected CompletableFuture<Snapshot> snapshot() {
            return rest.getOrderBook(market, 20).thenApply(book -> {
                var model = ParadexAdapters.book(client.venue(), book, symbol(), Integer.MAX_VALUE, Instant.now());
                seen.reset(model.bids(), model.asks());
                return new Snapshot(model.bids(), model.asks(), model.sequence());
            });
        }

        @Override
        protected Start startsAfter(long snapshotId, Update update) {
            if (update.last() <= snapshotId) {
                return Start.ALREADY_IN_SNAPSHOT;
            }
            return update.previous() == WHOLE_BOOK || update.first() == snapshotId + 1 ? Start.CONTINUES : Start.GAP;
        }

        @Override
        protected boolean follows(long appliedId, Update update) {
            return update.previous() == WHOLE_BOOK ? update.last() > appliedId : update.first() == appliedId + 1;
        }
    }

    /**
     * The private channels: on every connect a fresh JWT ({@code auth}), then {@code orders.ALL}, {@code fills.ALL}
     * and {@code positions}; a refused auth forgets the JWT and reconnects. The catch-up after a reconnect is
     * {@link UserStream}'s.
     */
    private final class User extends UserStream {

        private volatile String token;

        User() {
            super(client.venue() + " private channels", client, http(), scheduler());
        }

        @Override
        public CompletableFuture<URI> endpoint() {
            return client.marketsLoaded().thenCompose(ignored -> rest.jwt()).thenApply(jwt -> {
                token = jwt;
                return wsUrl;
            });
        }

        @Override
        protected void subscribe(StreamConnection connection) {
            ObjectNode auth = request("auth");
            auth.putObject("params").put("bearer", token);
            connection.send(auth.toString());
            PRIVATE_CHANNELS.forEach(channel -> connection.send(ParadexStreams.this.subscribe(channel)));
        }

        @Override
        protected void dispatch(String text) {
            ParadexStreamMessage message = rest.read(text, ParadexStreamMessage.class);
            if (message.error() != null) {
                LOG.error("{} private channels: the venue refused a request: {}", client.venue(), message.error());
                String error = message.error().toString().toLowerCase(java.util.Locale.ROOT);
                if (error.contains("auth") || error.contains("bearer") || error.contains("token")) {
                    rest.forgetJwt();
                    connection().reconnect("auth refused");
                }
                return;
            }
            String channel = message.channel();
            if (!"subscription".equals(message.method()) || channel == null || message.data() == null) {
                return;
            }
            if (channel.startsWith("orders.")) {
                ParadexOrder order = rest.read(message.data().toString(), ParadexOrder.class);
                instrument(order.market()).ifPresent(i -> deliverOrder(ParadexAdapters.order(client.venue(), order,
                        i.symbol(), ParadexExchangeClient.clientOrderIdOf(order.clientId(), order.id()))));
            } else if (channel.startsWith("fills.")) {
                ParadexFill fill = rest.read(message.data().toString(), ParadexFill.class);
                instrument(fill.market()).ifPresent(i -> deliverFill(ParadexAdapters.fill(client.venue(), fill,
                        i.symbol(), ParadexExchangeClient.clientOrderIdOf(fill.clientId(), fill.orderId()))));
            } else if (channel.equals("positions")) {
                ParadexPosition position = rest.read(message.data().toString(), ParadexPosition.class);
                instrument(position.market()).ifPresent(i -> deliverPosition(ParadexAdapters.position(client.venue(),
                        "CLOSED".equals(position.status()) ? flat(position) : position, i.symbol(), null,
                        Instant.now())));
            }
        }

        private Optional<Instrument> instrument(String market) {
            return client.instrumentOf(market);
        }

        private ParadexPosition flat(ParadexPosition p) {
            return new ParadexPosition(p.id(), p.market(), p.side(), BigDecimal.ZERO, p.status(), p.averageEntryPrice(),
                    null, p.unrealizedPnl(), p.unrealizedFundingPnl(), p.realizedPositionalFundingPnl(), p.leverage(),
                    p.cost(), p.lastUpdatedAt());
        }
    }
}
