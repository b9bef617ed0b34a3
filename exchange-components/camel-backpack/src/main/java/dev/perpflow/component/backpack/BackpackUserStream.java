package dev.perpflow.component.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backpack's private stream: {@code account.orderUpdate} (orders, and fills on {@code orderFill}) and
 * {@code account.positionUpdate}, subscribed with a signature of {@code instruction=subscribe&timestamp&window}
 * made fresh on every connect. After a reconnect it catches up by REST before delivering live events again: open
 * orders, the final state of every order that was working when the stream dropped, fills since the last fill seen
 * (one minute of overlap) and positions; live events arriving meanwhile are held and delivered after. Duplicates are
 * harmless to listeners (fills are unique by trade id).
 */
final class BackpackUserStream implements StreamConnection.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(BackpackUserStream.class);
    static final List<String> STREAMS = List.of("account.orderUpdate", "account.positionUpdate");
    private static final Duration CATCH_UP_OVERLAP = Duration.ofMinutes(1);

    private final BackpackExchangeClient client;
    private final BackpackRestClient rest;
    private final BackpackJson json;
    private final BackpackMarkets markets;
    private final StreamConnection connection;
    private final OrderEventFanOut events;
    private final List<JsonNode> held = new ArrayList<>();

    private volatile Instant lastFillAt;
    private volatile Instant firstConnectedAt;
    private boolean catchingUp;

    BackpackUserStream(BackpackExchangeClient client, BackpackRestClient rest, BackpackJson json,
            BackpackMarkets markets, HttpClient http, ScheduledExecutorService scheduler) {
        this.client = client;
        this.rest = rest;
        this.json = json;
        this.markets = markets;
        this.events = new OrderEventFanOut(client.venue() + " account stream");
        this.connection = StreamConnection.withDefaults(client.venue() + " account", http, this, scheduler);
    }

    void start() {
        connection.start();
    }

    void add(OrderEventListener listener) {
        events.add(listener, connection.isConnected());
    }

    void remove(OrderEventListener listener) {
        events.remove(listener);
    }

    void close() {
        connection.close();
    }

    @Override
    public CompletableFuture<URI> endpoint() {
        // markets first: events are mapped to perpflow symbols from the cached list
        return markets.snapshot().thenApply(ignored -> client.config().wsUrl());
    }

    @Override
    public void onConnected(StreamConnection connection) {
        String[] signature = rest.streamSignature();
        ObjectNode subscribe = client.mapper().createObjectNode().put("method", "SUBSCRIBE");
        ArrayNode params = subscribe.putArray("params");
        STREAMS.forEach(params::add);
        ArrayNode signed = subscribe.putArray("signature");
        for (String part : signature) {
            signed.add(part);
        }
        boolean reconnect = firstConnectedAt != null;
        if (!reconnect) {
            firstConnectedAt = Instant.now();
        }
        synchronized (this) {
            catchingUp = reconnect;
        }
        connection.send(subscribe.toString());
        events.state(StreamState.CONNECTED);
        if (reconnect) {
            Instant since = Optional.ofNullable(lastFillAt).orElse(firstConnectedAt).minus(CATCH_UP_OVERLAP);
            catchUp(since);
        }
    }

    @Override
    public void onDisconnected(String reason) {
        synchronized (this) {
            held.clear();
            catchingUp = false;
        }
        events.state(StreamState.DISCONNECTED);
    }

    @Override
    public void onText(String text) {
        JsonNode message;
        try {
            message = client.mapper().readTree(text);
        } catch (IOException e) {
            LOG.warn("{} account stream: unreadable message ignored", client.venue());
            return;
        }
        if (message.has("error")) {
            // a refused subscribe (bad signature, expired window): a fresh signature on reconnect may pass
            LOG.error("{} account stream: the venue refused the subscription: {}", client.venue(),
                    message.path("error"));
            connection.reconnect("subscription refused");
            return;
        }
        synchronized (this) {
            if (catchingUp) {
                held.add(message);
                return;
            }
        }
        dispatch(message);
    }

    private void dispatch(JsonNode message) {
        String stream = message.path("stream").asText();
        JsonNode data = message.path("data");
        try {
            if (stream.startsWith("account.orderUpdate")) {
                onOrderUpdate(data);
            } else if (stream.startsWith("account.positionUpdate")) {
                onPositionUpdate(data);
            }
        } catch (RuntimeException e) {
            LOG.error("{} account stream: event not understood ({}): {}", client.venue(), e.getMessage(), data);
        }
    }

    private void onOrderUpdate(JsonNode event) {
        Optional<Instrument> instrument = markets.byVenueSymbol(event.path("s").asText());
        if (instrument.isEmpty()) {
            return;
        }
        String clientOrderId = client.clientOrderIdOf(event, "c", "i");
        Order order = json.orderUpdate(event, instrument.get().symbol(), clientOrderId);
        if ("orderFill".equals(event.path("e").asText())) {
            deliverFill(json.fillUpdate(event, instrument.get().symbol(), clientOrderId));
        }
        events.order(order);
    }

    private void onPositionUpdate(JsonNode event) {
        markets.byVenueSymbol(event.path("s").asText()).ifPresent(instrument -> {
            Position position = json.positionUpdate(event, instrument.symbol());
            events.position(position);
        });
    }

    private void catchUp(Instant since) {
        LOG.info("{} account stream: catching up by REST since {}", client.venue(), since);
        CompletableFuture<Void> orders = client.openOrders(null).thenCompose(open -> {
            open.forEach(this::deliverOrder);
            List<CompletableFuture<Void>> finals = new ArrayList<>();
            for (Map.Entry<String, String> entry : events.working().entrySet()) {
                if (open.stream().noneMatch(o -> o.clientOrderId().equals(entry.getKey()))) {
                    finals.add(client.queryOrder(entry.getValue(), entry.getKey()).thenAccept(this::deliverOrder)
                            .exceptionally(failure -> logCatchUpFailure("order " + entry.getKey(), failure)));
                }
            }
            return CompletableFuture.allOf(finals.toArray(CompletableFuture[]::new));
        }).exceptionally(failure -> logCatchUpFailure("open orders", failure));
        CompletableFuture<Void> fills = client.fillsSince(since).thenAccept(list -> list.forEach(this::deliverFill))
                .exceptionally(failure -> logCatchUpFailure("fills", failure));
        CompletableFuture<Void> positions = client.positions()
                .thenAccept(list -> list.forEach(p -> events.position(p)))
                .exceptionally(failure -> logCatchUpFailure("positions", failure));
        CompletableFuture.allOf(orders, fills, positions).whenComplete((done, failure) -> releaseHeld());
    }

    /** Live events that arrived during the catch-up, in arrival order, then live delivery again. */
    private void releaseHeld() {
        while (true) {
            List<JsonNode> batch;
            synchronized (this) {
                if (held.isEmpty()) {
                    catchingUp = false;
                    return;
                }
                batch = List.copyOf(held);
                held.clear();
            }
            batch.forEach(this::dispatch);
        }
    }

    private void deliverOrder(Order order) {
        events.order(order);
    }

    private void deliverFill(Fill fill) {
        Instant last = lastFillAt;
        if (last == null || fill.timestamp().isAfter(last)) {
            lastFillAt = fill.timestamp();
        }
        events.fill(fill);
    }


    private Void logCatchUpFailure(String what, Throwable failure) {
        LOG.warn("{} account stream: catching up {} failed: {}", client.venue(), what, failure.toString());
        return null;
    }

}
