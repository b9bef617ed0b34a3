package dev.perpflow.testkit.paradex;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Predicate;

/**
 * The fake's JSON-RPC 2.0 WebSocket API: {@code subscribe} to {@code order_book.<market>.snapshot@15@100ms} (a whole
 * top-of-book message with the feed's {@code seq_no} on every change), {@code auth} with a bearer JWT, then the
 * private {@code orders.ALL}, {@code fills.ALL} and {@code positions} channels fed by the sim's account events.
 * Requests are answered {@code {"jsonrpc":"2.0","result":...,"id":n}} or with an {@code error} object (private channels
 * before auth: code 40110; a bad token: 40111).
 */
final class ParadexFakeStreams implements FakeWebSocketHandler, OrderEventListener {

    private static final String CHANNELS = "channels";
    private static final String AUTHENTICATED = "authenticated";

    private final ParadexFakeJson json;
    private final SimBookFeed books;
    private final Predicate<String> tokenValid;
    private final String account;
    private final Set<FakeWebSocketSession> sessions = ConcurrentHashMap.newKeySet();

    ParadexFakeStreams(ParadexFakeJson json, SimBookFeed books, Predicate<String> tokenValid, String account) {
        this.json = json;
        this.books = books;
        this.tokenValid = tokenValid;
        this.account = account;
    }

    @Override
    public void onOpen(FakeWebSocketSession session) {
        session.attributes().put(CHANNELS, ConcurrentHashMap.<String>newKeySet());
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
            request = ParadexFakeJson.JSON.readTree(text);
        } catch (IOException e) {
            error(session, null, -32700, "parse error");
            return;
        }
        JsonNode id = request.get("id");
        String method = request.path("method").asText();
        switch (method) {
            case "auth" -> {
                if (tokenValid.test(request.path("params").path("bearer").asText(null))) {
                    session.attributes().put(AUTHENTICATED, Boolean.TRUE);
                    result(session, id, ParadexFakeJson.JSON.createObjectNode().put("node_id", "fake"));
                } else {
                    error(session, id, 40111, "invalid bearer jwt");
                }
            }
            case "subscribe" -> subscribe(session, id, request.path("params").path("channel").asText(""));
            case "unsubscribe" -> channels(session).remove(request.path("params").path("channel").asText(""));
            default -> error(session, id, -32601, "method not found");
        }
    }

    private void subscribe(FakeWebSocketSession session, JsonNode id, String channel) {
        if (channel.startsWith("order_book.")) {
            String[] parts = channel.split("\\.");
            String symbol;
            try {
                symbol = json.symbolOf(parts[1]);
            } catch (ParadexFakeError e) {
                error(session, id, -32602, "invalid channel");
                return;
            }
            channels(session).add(channel);
            result(session, id, ParadexFakeJson.JSON.createObjectNode().put("channel", channel));
            books.follow(symbol, this::publishBook);
            return;
        }
        if (!channel.startsWith("orders.") && !channel.startsWith("fills.") && !channel.equals("positions")) {
            error(session, id, -32602, "invalid channel");
            return;
        }
        if (!Boolean.TRUE.equals(session.attributes().get(AUTHENTICATED))) {
            error(session, id, 40110, "not authenticated");
            return;
        }
        channels(session).add(channel);
        result(session, id, ParadexFakeJson.JSON.createObjectNode().put("channel", channel));
    }

    boolean subscribed(String channel) {
        return sessions.stream().anyMatch(session -> channels(session).contains(channel));
    }

    private void publishBook(SimBookFeed.Diff diff) {
        String market = ParadexFakeJson.market(json.instrument(diff.symbol()));
        ObjectNode data = json.bookSnapshot(market, diff.book(), diff.lastId());
        String prefix = "order_book." + market + ".";
        for (FakeWebSocketSession session : sessions) {
            for (String channel : channels(session)) {
                if (channel.startsWith(prefix)) {
                    push(session, channel, data);
                }
            }
        }
    }

    @Override
    public void onOrder(Order order) {
        ObjectNode data = json.order(order, account);
        privatePush("orders.", data.path("market").asText(), data);
    }

    @Override
    public void onFill(Fill fill) {
        if (fill.clientOrderId() == null) {
            return; // a liquidation: the position reports it
        }
        ObjectNode data = json.fill(fill, account);
        privatePush("fills.", data.path("market").asText(), data);
    }

    @Override
    public void onPosition(Position position) {
        ObjectNode data = json.position(position, account);
        for (FakeWebSocketSession session : sessions) {
            if (channels(session).contains("positions")) {
                push(session, "positions", data);
            }
        }
    }

    private void privatePush(String prefix, String market, ObjectNode data) {
        for (FakeWebSocketSession session : sessions) {
            for (String channel : new String[] {prefix + "ALL", prefix + market}) {
                if (channels(session).contains(channel)) {
                    push(session, channel, data);
                }
            }
        }
    }

    private static void push(FakeWebSocketSession session, String channel, ObjectNode data) {
        ObjectNode message = ParadexFakeJson.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "subscription");
        ObjectNode params = message.putObject("params").put("channel", channel);
        params.set("data", data);
        session.send(message.toString());
    }

    private static void result(FakeWebSocketSession session, JsonNode id, ObjectNode result) {
        ObjectNode message = ParadexFakeJson.JSON.createObjectNode().put("jsonrpc", "2.0");
        message.set("result", result);
        message.set("id", id);
        session.send(message.toString());
    }

    private static void error(FakeWebSocketSession session, JsonNode id, int code, String text) {
        ObjectNode message = ParadexFakeJson.JSON.createObjectNode().put("jsonrpc", "2.0");
        message.putObject("error").put("code", code).put("message", text);
        message.set("id", id);
        session.send(message.toString());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> channels(FakeWebSocketSession session) {
        return (Set<String>) session.attributes().computeIfAbsent(CHANNELS, k -> ConcurrentHashMap.<String>newKeySet());
    }
}
