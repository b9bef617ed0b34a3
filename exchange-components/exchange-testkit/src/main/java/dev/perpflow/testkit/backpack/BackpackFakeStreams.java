package dev.perpflow.testkit.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.testkit.FakeWebSocketHandler;
import dev.perpflow.testkit.FakeWebSocketSession;
import dev.perpflow.testkit.sim.SimBookFeed;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The fake's WebSocket API on one URL: {@code {"method":"SUBSCRIBE","params":[...]}} for {@code depth.<symbol>}
 * (diffs with {@code U}/{@code u} ids from a {@link SimBookFeed}) and, with a valid {@code signature} array, the
 * private {@code account.orderUpdate[.<symbol>]} and {@code account.positionUpdate} streams fed by the sim's account
 * events. Messages are {@code {"stream":...,"data":...}}; a refused subscribe answers
 * {@code {"id":null,"error":{"code":...,"message":...}}} and subscribes nothing.
 */
final class BackpackFakeStreams implements FakeWebSocketHandler, OrderEventListener {

    private static final String SUBSCRIPTIONS = "subscriptions";

    private final BackpackFakeJson json;
    private final BackpackFakeAuth auth;
    private final SimBookFeed books;
    private final Function<String, Order> orderLookup;
    private final Set<FakeWebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> openPositions = new ConcurrentHashMap<>();

    BackpackFakeStreams(BackpackFakeJson json, BackpackFakeAuth auth, SimBookFeed books,
            Function<String, Order> orderLookup) {
        this.json = json;
        this.auth = auth;
        this.books = books;
        this.orderLookup = orderLookup;
    }

    @Override
    public void onOpen(FakeWebSocketSession session) {
        session.attributes().put(SUBSCRIPTIONS, ConcurrentHashMap.newKeySet());
        sessions.add(session);
    }

    @Override
    public void onClose(FakeWebSocketSession session) {
        sessions.remove(session);
    }

    @Override
    public void onText(FakeWebSocketSession session, String text) {
        JsonNode request;
        try {
            request = BackpackFakeJson.JSON.readTree(text);
        } catch (IOException e) {
            error(session, "INVALID_CLIENT_REQUEST", "Invalid JSON");
            return;
        }
        String method = request.path("method").asText();
        Set<String> subscribed = subscriptions(session);
        if (method.equals("UNSUBSCRIBE")) {
            request.path("params").forEach(p -> subscribed.remove(p.asText()));
            return;
        }
        if (!method.equals("SUBSCRIBE")) {
            error(session, "INVALID_CLIENT_REQUEST", "Unknown method " + method);
            return;
        }
        try {
            boolean isPrivate = false;
            for (JsonNode param : request.path("params")) {
                String stream = param.asText();
                isPrivate |= stream.startsWith("account.");
                if (stream.startsWith("depth.")) {
                    json.symbolOf(stream.substring("depth.".length()));
                } else if (!stream.startsWith("account.orderUpdate") && !stream.equals("account.positionUpdate")) {
                    throw BackpackFakeError.badRequest("Unknown stream " + stream);
                }
            }
            if (isPrivate) {
                auth.verifySubscribe(request.get("signature"));
            }
        } catch (BackpackFakeError e) {
            error(session, e.code, e.getMessage());
            return;
        }
        for (JsonNode param : request.path("params")) {
            String stream = param.asText();
            subscribed.add(stream);
            if (stream.startsWith("depth.")) {
                String symbol = json.symbolOf(stream.substring("depth.".length()));
                books.follow(symbol, this::publishDepth);
            }
        }
    }

    private void publishDepth(SimBookFeed.Diff diff) {
        String stream = "depth." + BackpackFakeJson.venueSymbol(json.instrument(diff.symbol()));
        long now = BackpackFakeJson.micros(java.time.Instant.now());
        ObjectNode data = BackpackFakeJson.JSON.createObjectNode().put("e", "depth").put("E", now)
                .put("s", stream.substring("depth.".length()));
        BackpackFakeJson.levels(data.putArray("a"), diff.asks(), false);
        BackpackFakeJson.levels(data.putArray("b"), diff.bids(), true);
        data.put("U", diff.firstId()).put("u", diff.lastId()).put("T", now);
        send(stream, stream, data);
    }

    // --- sim account events as Backpack private events ---

    @Override
    public void onOrder(Order order) {
        String event = switch (order.status()) {
            case NEW, OPEN -> "orderAccepted";
            case CANCELED -> "Expired".equals(BackpackFakeJson.status(order)) ? "orderExpired" : "orderCancelled";
            default -> null; // fills are reported by their orderFill events
        };
        if (event != null) {
            sendOrder(order, json.orderUpdate(event, order, null));
        }
    }

    @Override
    public void onFill(Fill fill) {
        if (fill.clientOrderId() == null) {
            return; // a liquidation: the position update reports it
        }
        Order order = orderLookup.apply(fill.clientOrderId());
        sendOrder(order, json.orderUpdate("orderFill", order, fill));
    }

    @Override
    public void onPosition(Position position) {
        boolean flat = position.quantity().signum() == 0;
        Boolean wasOpen = openPositions.put(position.symbol(), !flat);
        String event = flat ? "positionClosed" : Boolean.TRUE.equals(wasOpen) ? "positionAdjusted" : "positionOpened";
        send("account.positionUpdate", "account.positionUpdate", json.positionUpdate(position, event));
    }

    private void sendOrder(Order order, ObjectNode data) {
        String perSymbol = "account.orderUpdate." + BackpackFakeJson.venueSymbol(json.instrument(order.symbol()));
        send("account.orderUpdate", "account.orderUpdate", data);
        send(perSymbol, perSymbol, data);
    }

    /** Sends {@code data} as {@code stream} to every session subscribed to {@code subscription}. */
    private void send(String subscription, String stream, ObjectNode data) {
        ObjectNode message = BackpackFakeJson.JSON.createObjectNode().put("stream", stream);
        message.set("data", data);
        String text = message.toString();
        for (FakeWebSocketSession session : sessions) {
            if (subscriptions(session).contains(subscription)) {
                session.send(text);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> subscriptions(FakeWebSocketSession session) {
        return (Set<String>) session.attributes().computeIfAbsent(SUBSCRIPTIONS,
                k -> ConcurrentHashMap.<String>newKeySet());
    }

    private static void error(FakeWebSocketSession session, String code, String message) {
        ObjectNode root = BackpackFakeJson.JSON.createObjectNode().putNull("id");
        root.putObject("error").put("code", code).put("message", message);
        session.send(root.toString());
    }

    static boolean ended(Order order) {
        return order.status() == OrderStatus.FILLED || order.status() == OrderStatus.CANCELED
                || order.status() == OrderStatus.REJECTED;
    }
}
