package dev.perpflow.testkit.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.testkit.FakeWebSocketHandler;
import dev.perpflow.testkit.FakeWebSocketSession;
import dev.perpflow.testkit.sim.SimBookFeed;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The fake's WebSocket API on {@code /stream}: {@code connected} on open; {@code {"type":"subscribe","channel":...}}
 * for {@code order_book/{market}} (the whole book as {@code subscribed/order_book} with its {@code nonce}, then
 * {@code update/order_book} diffs whose {@code begin_nonce} is the nonce they continue, from a {@link SimBookFeed}) and,
 * with a valid {@code auth} token, {@code account_all_orders/{account}}, {@code account_all_trades/{account}} and
 * {@code account_all_positions/{account}} fed by the sim's account events (keyed by market id); {@code unsubscribe};
 * {@code ping} answered with {@code pong}. A refused subscription answers {@code {"error":{"code":..,"message":..}}}.
 */
final class LighterFakeStreams implements FakeWebSocketHandler, OrderEventListener {

    private static final String SUBSCRIPTIONS = "subscriptions";

    private final LighterFakeJson json;
    private final LighterFakeAuth auth;
    private final SimBookFeed books;
    private final long account;
    private final Function<String, Order> orderLookup;
    private final Set<FakeWebSocketSession> sessions = ConcurrentHashMap.newKeySet();

    LighterFakeStreams(LighterFakeJson json, LighterFakeAuth auth, SimBookFeed books, long account,
            Function<String, Order> orderLookup) {
        this.json = json;
        this.auth = auth;
        this.books = books;
        this.account = account;
        this.orderLookup = orderLookup;
    }

    @Override
    public void onOpen(FakeWebSocketSession session) {
        session.attributes().put(SUBSCRIPTIONS, ConcurrentHashMap.newKeySet());
        sessions.add(session);
        session.send("{\"type\":\"connected\",\"session_id\":\"" + Integer.toHexString(session.hashCode()) + "\"}");
    }

    @Override
    public void onClose(FakeWebSocketSession session) {
        sessions.remove(session);
    }

    @Override
    public void onText(FakeWebSocketSession session, String text) {
        JsonNode request;
        try {
            request = LighterFakeJson.JSON.readTree(text);
        } catch (IOException e) {
            error(session, 30001, "invalid json");
            return;
        }
        String type = request.path("type").asText();
        String channel = request.path("channel").asText();
        switch (type) {
            case "ping" -> session.send("{\"type\":\"pong\"}");
            case "pong" -> { }
            case "unsubscribe" -> {
                subscriptions(session).remove(channel);
                session.send("{\"type\":\"unsubscribed\",\"channel\":\"" + channel.replace('/', ':') + "\"}");
            }
            case "subscribe" -> subscribe(session, channel, request.path("auth").asText(null));
            default -> error(session, 30002, "unknown message type " + type);
        }
    }

    private void subscribe(FakeWebSocketSession session, String channel, String token) {
        String[] parts = channel.split("/");
        try {
            if (parts.length == 2 && parts[0].equals("order_book")) {
                int marketId = Integer.parseInt(parts[1]);
                String symbol = json.instrument(marketId).symbol();
                subscriptions(session).add(channel);
                books.follow(symbol, this::publishDiff);
                SimBookFeed.Snapshot snapshot = books.snapshot(symbol);
                ObjectNode book = LighterFakeJson.JSON.createObjectNode();
                LighterFakeJson.bookLevels(book.putArray("asks"), snapshot.book().asks());
                LighterFakeJson.bookLevels(book.putArray("bids"), snapshot.book().bids());
                book.put("offset", snapshot.lastUpdateId()).put("nonce", snapshot.lastUpdateId())
                        .put("begin_nonce", 0);
                send(session, "subscribed/order_book", channel, "order_book", book);
                return;
            }
            if (parts.length == 2 && (parts[0].equals("account_all_orders") || parts[0].equals("account_all_trades")
                    || parts[0].equals("account_all_positions"))) {
                long requested = Long.parseLong(parts[1]);
                if (token == null || auth.verifyToken(token) != requested || requested != account) {
                    error(session, 20013, "invalid auth");
                    return;
                }
                subscriptions(session).add(channel);
                ObjectNode empty = LighterFakeJson.JSON.createObjectNode();
                send(session, "subscribed/" + parts[0], channel, field(parts[0]), empty);
                return;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        } catch (LighterFakeAuth.Refused e) {
            error(session, e.code, e.getMessage());
            return;
        }
        error(session, 30003, "invalid channel " + channel);
    }

    /** Whether some session is subscribed to all three private channels of the account. */
    boolean privateChannelsSubscribed() {
        return sessions.stream().anyMatch(s -> subscriptions(s).containsAll(java.util.List.of(
                "account_all_orders/" + account, "account_all_trades/" + account, "account_all_positions/" + account)));
    }

    private static String field(String kind) {
        return switch (kind) {
            case "account_all_orders" -> "orders";
            case "account_all_trades" -> "trades";
            default -> "positions";
        };
    }

    private void publishDiff(SimBookFeed.Diff diff) {
        String channel = "order_book/" + json.marketId(diff.symbol());
        ObjectNode book = LighterFakeJson.JSON.createObjectNode();
        LighterFakeJson.bookLevels(book.putArray("asks"), diff.asks());
        LighterFakeJson.bookLevels(book.putArray("bids"), diff.bids());
        book.put("offset", diff.lastId()).put("nonce", diff.lastId()).put("begin_nonce", diff.previousId());
        broadcast("update/order_book", channel, "order_book", book);
    }

    // --- sim account events as Lighter's private channels ---

    @Override
    public void onOrder(Order order) {
        ObjectNode byMarket = LighterFakeJson.JSON.createObjectNode();
        byMarket.putArray(String.valueOf(json.marketId(order.symbol()))).add(json.order(order));
        broadcast("update/account_all_orders", "account_all_orders/" + account, "orders", byMarket);
    }

    /** A refused order (cancelled by the sequencer with a reason) as the order stream reports it. */
    void onRefused(int marketId, ObjectNode order) {
        ObjectNode byMarket = LighterFakeJson.JSON.createObjectNode();
        byMarket.putArray(String.valueOf(marketId)).add(order);
        broadcast("update/account_all_orders", "account_all_orders/" + account, "orders", byMarket);
    }

    @Override
    public void onFill(Fill fill) {
        if (fill.clientOrderId() == null) {
            return; // a liquidation: the position update reports it
        }
        Order order = orderLookup.apply(fill.clientOrderId());
        ObjectNode byMarket = LighterFakeJson.JSON.createObjectNode();
        ArrayNode trades = byMarket.putArray(String.valueOf(json.marketId(fill.symbol())));
        trades.add(json.trade(fill, order));
        broadcast("update/account_all_trades", "account_all_trades/" + account, "trades", byMarket);
    }

    @Override
    public void onPosition(Position position) {
        ObjectNode byMarket = LighterFakeJson.JSON.createObjectNode();
        byMarket.set(String.valueOf(json.marketId(position.symbol())), json.position(position));
        broadcast("update/account_all_positions", "account_all_positions/" + account, "positions", byMarket);
    }

    private void broadcast(String type, String channel, String field, JsonNode payload) {
        for (FakeWebSocketSession session : sessions) {
            if (subscriptions(session).contains(channel)) {
                send(session, type, channel, field, payload);
            }
        }
    }

    private static void send(FakeWebSocketSession session, String type, String channel, String field,
            JsonNode payload) {
        ObjectNode message = LighterFakeJson.JSON.createObjectNode().put("type", type)
                .put("channel", channel.replace('/', ':'));
        message.set(field, payload);
        message.put("timestamp", System.currentTimeMillis());
        session.send(message.toString());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> subscriptions(FakeWebSocketSession session) {
        return (Set<String>) session.attributes().computeIfAbsent(SUBSCRIPTIONS,
                k -> ConcurrentHashMap.<String>newKeySet());
    }

    private static void error(FakeWebSocketSession session, int code, String message) {
        ObjectNode root = LighterFakeJson.JSON.createObjectNode();
        root.putObject("error").put("code", code).put("message", message);
        session.send(root.toString());
    }
}
