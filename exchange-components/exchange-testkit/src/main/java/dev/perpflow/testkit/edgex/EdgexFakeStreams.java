package dev.perpflow.testkit.edgex;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's two WebSockets. Public ({@code /api/v1/public/ws}): {@code {"type":"subscribe","channel":"depth.<id>.15"}}
 * answered with {@code subscribed}, then a {@code quote-event} with the whole top of the book ({@code Snapshot}) on
 * every change; a {@code ping} right after each subscribe, whose {@code pong} is counted. Private
 * ({@code /api/v1/private/ws?accountId=&timestamp=}): the upgrade's HMAC headers are checked (a bad one closes the
 * stream after an {@code error}), then {@code trade-event}s carry the sim account's orders, fills and positions.
 */
final class EdgexFakeStreams implements FakeWebSocketHandler, OrderEventListener {

    /** Checks a private stream's upgrade: headers, query, path. */
    interface StreamAuth {
        boolean authorized(Map<String, String> headers, Map<String, List<String>> query, String path);
    }

    private static final String CHANNELS = "channels";
    private static final String PRIVATE = "private";

    private final EdgexFakeJson json;
    private final SimBookFeed books;
    private final StreamAuth auth;
    private final long accountId;
    private final Set<FakeWebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pongs = new AtomicInteger();

    EdgexFakeStreams(EdgexFakeJson json, SimBookFeed books, StreamAuth auth, long accountId) {
        this.json = json;
        this.books = books;
        this.auth = auth;
        this.accountId = accountId;
    }

    int pongs() {
        return pongs.get();
    }

    @Override
    public void onOpen(FakeWebSocketSession session) {
        session.attributes().put(CHANNELS, ConcurrentHashMap.<String>newKeySet());
        if (session.path().startsWith("/api/v1/private/ws")) {
            if (!auth.authorized(session.upgradeHeaders(), session.query(), session.path())) {
                session.send(EdgexFakeJson.JSON.createObjectNode().put("type", "error")
                        .set("content", EdgexFakeJson.JSON.createObjectNode().put("code", "INVALID_SIGNATURE"))
                        .toString());
                session.close();
                return;
            }
            session.attributes().put(PRIVATE, Boolean.TRUE);
            session.send(EdgexFakeJson.JSON.createObjectNode().put("type", "connected").toString());
        }
        sessions.add(session);
    }

    @Override
    public void onClose(FakeWebSocketSession session) {
        sessions.remove(session);
    }

    @Override
    public void onText(FakeWebSocketSession session, String text) {
        JsonNode message;
        try {
            message = EdgexFakeJson.JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        switch (message.path("type").asText()) {
            case "pong" -> pongs.incrementAndGet();
            case "subscribe" -> {
                String channel = message.path("channel").asText();
                String[] parts = channel.split("\\.");
                String symbol;
                try {
                    if (parts.length != 3 || !parts[0].equals("depth")) {
                        throw new EdgexFakeError(200, "INVALID_CHANNEL", channel);
                    }
                    symbol = json.symbolOf(parts[1]);
                } catch (EdgexFakeError e) {
                    session.send(EdgexFakeJson.JSON.createObjectNode().put("type", "error").put("channel", channel)
                            .toString());
                    return;
                }
                channels(session).add(channel);
                session.send(EdgexFakeJson.JSON.createObjectNode().put("type", "subscribed").put("channel", channel)
                        .toString());
                session.send(EdgexFakeJson.JSON.createObjectNode().put("type", "ping")
                        .put("time", Long.toString(System.currentTimeMillis())).toString());
                books.follow(symbol, this::publishBook);
            }
            default -> { }
        }
    }

    private void publishBook(SimBookFeed.Diff diff) {
        String contractId = json.contractId(diff.symbol());
        for (FakeWebSocketSession session : sessions) {
            for (String channel : channels(session)) {
                if (channel.startsWith("depth." + contractId + ".")) {
                    int level = Integer.parseInt(channel.substring(channel.lastIndexOf('.') + 1));
                    ObjectNode content = EdgexFakeJson.JSON.createObjectNode().put("dataType", "Snapshot")
                            .put("channel", channel);
                    content.putArray("data").add(json.depth(contractId, diff.book(), diff.lastId(), level, "SNAPSHOT"));
                    ObjectNode push = EdgexFakeJson.JSON.createObjectNode().put("type", "quote-event")
                            .put("channel", channel);
                    push.set("content", content);
                    session.send(push.toString());
                }
            }
        }
    }

    @Override
    public void onOrder(Order order) {
        tradeEvent("order", json.order(order, accountId));
    }

    @Override
    public void onFill(Fill fill) {
        if (fill.clientOrderId() != null) {
            tradeEvent("orderFillTransaction", json.fill(fill, accountId));
        }
    }

    @Override
    public void onPosition(Position position) {
        tradeEvent("position", json.positionEntry(position));
    }

    private void tradeEvent(String group, ObjectNode row) {
        ObjectNode push = EdgexFakeJson.JSON.createObjectNode().put("type", "trade-event");
        ObjectNode content = push.putObject("content").put("event", "ACCOUNT_UPDATE");
        ArrayNode rows = content.putObject("data").putArray(group);
        rows.add(row);
        String text = push.toString();
        for (FakeWebSocketSession session : sessions) {
            if (Boolean.TRUE.equals(session.attributes().get(PRIVATE))) {
                session.send(text);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> channels(FakeWebSocketSession session) {
        return (Set<String>) session.attributes().computeIfAbsent(CHANNELS, k -> ConcurrentHashMap.<String>newKeySet());
    }
}
