package dev.perpflow.testkit;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One connected WebSocket client of a fake venue. Sending after the client went away is a no-op. */
public final class FakeWebSocketSession {

    /** Attribute holding the upgrade request's headers (lower-case names), for venues that sign the connection. */
    public static final String UPGRADE_HEADERS = "upgradeHeaders";

    private final Channel channel;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    FakeWebSocketSession(Channel channel, String path, Map<String, List<String>> query) {
        this.channel = channel;
        this.path = path;
        this.query = Map.copyOf(query);
    }

    public void send(String text) {
        if (channel.isActive()) {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    /** Closes the connection the way a venue drops a stream (close frame, then the socket). */
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame()).addListener(f -> channel.close());
        }
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** The path the client connected to, e.g. {@code /ws/abc123} for a listen key stream. */
    public String path() {
        return path;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    /** The upgrade request's headers (lower-case names). */
    @SuppressWarnings("unchecked")
    public Map<String, String> upgradeHeaders() {
        return (Map<String, String>) attributes.getOrDefault(UPGRADE_HEADERS, Map.of());
    }

    /** Per-session state of the venue handler (subscriptions, authenticated account, ...). */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "FakeWebSocketSession[" + path + ", " + channel.remoteAddress() + "]";
    }
}
