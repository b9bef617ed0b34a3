package dev.perpflow.testkit;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One connected WebSocket client of a fake venue. Sending after the client went away is a no-op. */
public final class FakeWebSocketSession {

    private final Channel channel;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    FakeWebSocketSession(Channel channel, String path, Map<String, List<String>> query, Map<String, String> headers) {
        this.channel = channel;
        this.path = path;
        this.query = Map.copyOf(query);
        this.headers = Map.copyOf(headers);
    }

    /** A header of the upgrade request, by case-insensitive name (a session cookie). */
    public java.util.Optional<String> header(String name) {
        return java.util.Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
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

    /** The upgrade request's headers (lower-case names), for venues that sign the connection. */
    public Map<String, String> upgradeHeaders() {
        return headers;
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
