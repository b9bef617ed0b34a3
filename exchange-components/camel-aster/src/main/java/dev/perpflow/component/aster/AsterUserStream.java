package dev.perpflow.component.aster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.StreamState;
import dev.perpflow.exchange.stream.OrderEventFanOut;
import dev.perpflow.exchange.stream.StreamConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aster's user data stream: a listen key from {@code POST /fapi/v1/listenKey} (kept alive with {@code PUT} every 30
 * minutes; a new key on every connect and after {@code listenKeyExpired}), {@code ORDER_TRADE_UPDATE} events as
 * orders and fills, {@code ACCOUNT_UPDATE} as positions. After a reconnect it catches up by REST: open orders, the
 * final state of every order that was working when the stream dropped, fills since one minute before the drop, and
 * positions; duplicates of streamed events are harmless to listeners (fills are unique by trade id).
 */
final class AsterUserStream implements StreamConnection.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(AsterUserStream.class);
    static final Duration KEEP_ALIVE = Duration.ofMinutes(30);
    private static final Duration CATCH_UP_OVERLAP = Duration.ofMinutes(1);

    private final AsterExchangeClient client;
    private final AsterRest rest;
    private final AsterJson json;
    private final AsterMarkets markets;
    private final ScheduledExecutorService scheduler;
    private final StreamConnection connection;
    private final OrderEventFanOut events;

    private volatile Instant disconnectedAt;
    private volatile boolean everConnected;
    private ScheduledFuture<?> keepAlive;

    AsterUserStream(AsterExchangeClient client, AsterRest rest, AsterJson json, AsterMarkets markets, HttpClient http,
            ScheduledExecutorService scheduler) {
        this.client = client;
        this.rest = rest;
        this.json = json;
        this.markets = markets;
        this.scheduler = scheduler;
        this.events = new OrderEventFanOut(client.venue() + " user stream");
        this.connection = StreamConnection.withDefaults(client.venue() + " user", http, this, scheduler);
    }

    void start() {
        connection.start();
        keepAlive = scheduler.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void add(OrderEventListener listener) {
        events.add(listener, connection.isConnected());
    }

    void remove(OrderEventListener listener) {
        events.remove(listener);
    }

    void close() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        connection.close();
        rest.keyed("DELETE", "/fapi/v1/listenKey").exceptionally(failure -> null);
    }

    @Override
    public CompletableFuture<URI> endpoint() {
        return markets.snapshot().thenCompose(ignored -> rest.keyed("POST", "/fapi/v1/listenKey"))
                .thenApply(node -> URI.create(client.config().wsUrl() + "/ws/" + json.text(node, "listenKey")));
    }

    @Override
    public void onConnected(StreamConnection connection) {
        boolean reconnect = everConnected;
        Instant lostAt = Optional.ofNullable(disconnectedAt).orElse(Instant.now());
        everConnected = true;
        disconnectedAt = null;
        events.state(StreamState.CONNECTED);
        if (reconnect) {
            catchUp(lostAt.minus(CATCH_UP_OVERLAP));
        }
    }

    @Override
    public void onDisconnected(String reason) {
        if (disconnectedAt == null) {
            disconnectedAt = Instant.now();
        }
        events.state(StreamState.DISCONNECTED);
    }

    @Override
    public void onText(String text) {
        JsonNode event;
        try {
            event = client.mapper().readTree(text);
        } catch (IOException e) {
            LOG.warn("{} user stream: unreadable message ignored", client.venue());
            return;
        }
        switch (event.path("e").asText()) {
            case "ORDER_TRADE_UPDATE" -> onOrderUpdate(event);
            case "ACCOUNT_UPDATE" -> onAccountUpdate(event);
            case "listenKeyExpired" -> connection.reconnect("listen key expired");
            default -> { }
        }
    }

    private void onOrderUpdate(JsonNode event) {
        JsonNode o = event.path("o");
        Optional<Instrument> instrument = markets.byVenueSymbol(o.path("s").asText());
        if (instrument.isEmpty()) {
            return;
        }
        client.touched(instrument.get().venueSymbol());
        Instant at = event.has("T") ? json.millis(event, "T") : json.millis(event, "E");
        Order order = client.remember(json.order(o, instrument.get().symbol(), at));
        if ("TRADE".equals(o.path("x").asText())) {
            Fill fill = json.fill(o, instrument.get().symbol());
            events.fill(fill);
        }
        events.order(order);
    }

    private void onAccountUpdate(JsonNode event) {
        Instant at = json.millis(event, "E");
        for (JsonNode p : event.path("a").path("P")) {
            markets.byVenueSymbol(p.path("s").asText()).ifPresent(instrument -> {
                Position position = json.position(p, instrument.symbol(), at);
                events.position(position);
            });
        }
    }

    private void catchUp(Instant since) {
        LOG.info("{} user stream: catching up by REST since {}", client.venue(), since);
        client.openOrders(null).thenAccept(open -> {
            open.forEach(this::deliverOrder);
            for (Map.Entry<String, String> entry : events.working().entrySet()) {
                if (open.stream().noneMatch(o -> o.clientOrderId().equals(entry.getKey()))) {
                    client.queryOrder(entry.getValue(), entry.getKey()).thenAccept(this::deliverOrder);
                }
            }
        }).exceptionally(failure -> logCatchUpFailure("open orders", failure));
        client.fillsSince(since).thenAccept(fills -> fills.forEach(fill -> events.fill(fill)))
                .exceptionally(failure -> logCatchUpFailure("fills", failure));
        client.positions().thenAccept(positions -> positions.forEach(p -> events.position(p)))
                .exceptionally(failure -> logCatchUpFailure("positions", failure));
    }

    private void deliverOrder(Order order) {
        events.order(order);
    }


    private Void logCatchUpFailure(String what, Throwable failure) {
        LOG.warn("{} user stream: catching up {} failed: {}", client.venue(), what, failure.toString());
        return null;
    }

    private void keepAlive() {
        rest.keyed("PUT", "/fapi/v1/listenKey").whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("{} user stream: keep-alive failed ({}); reconnecting with a new key", client.venue(),
                        failure.toString());
                connection.reconnect("keep-alive failed");
            }
        });
    }

}
