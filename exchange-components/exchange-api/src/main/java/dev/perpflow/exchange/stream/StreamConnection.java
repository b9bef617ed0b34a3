package dev.perpflow.exchange.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue WebSocket that stays up: connects to the URL its {@link Handler} resolves (fresh on every attempt, for
 * venues whose private stream URL carries a session key), tells the handler when it is connected so it can
 * (re)subscribe and catch up by REST, and reconnects with exponential backoff (1 s doubling to 30 s by default)
 * after a drop, a refused upgrade or a stream silent for longer than the idle timeout.
 *
 * <p>Handler callbacks run on the connection's scheduler or the WebSocket's delivery thread, one at a time per
 * connection; fragments of a text message are joined before {@link Handler#onText} is called.
 */
public final class StreamConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);

    /** What a venue stream does on each connection event. */
    public interface Handler {

        /** The URL to connect to now. */
        CompletableFuture<URI> endpoint();

        /**
         * Headers of the upgrade request, asked for after {@link #endpoint()} completed on every attempt (for venues
         * that sign the connection, e.g. a timestamp and HMAC, or need a session cookie); none by default.
         */
        default Map<String, String> upgradeHeaders() {
            return Map.of();
        }

        /** Connected: subscribe (through {@code connection.send}) and catch up on anything missed. */
        void onConnected(StreamConnection connection);

        /** One complete text message. */
        void onText(String text);

        /** The connection was lost or could not be made; a reconnect is scheduled unless closed. */
        void onDisconnected(String reason);

        /**
         * A text frame the venue needs every {@link #HEARTBEAT_PERIOD} to keep an idle connection open (Hyperliquid's
         * {@code {"method":"ping"}}), or {@code null} (the default) when WebSocket pings suffice.
         */
        default String heartbeat() {
            return null;
        }
    }

    /** How often a handler's {@link Handler#heartbeat()} is sent while connected. */
    public static final Duration HEARTBEAT_PERIOD = Duration.ofSeconds(30);

    private final String name;
    private final HttpClient http;
    private final Handler handler;
    private final ScheduledExecutorService scheduler;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Duration idleTimeout;

    private volatile WebSocket socket;
    private volatile boolean closed;
    private volatile long lastMessageNanos;
    private Duration backoff;
    private ScheduledFuture<?> idleCheck;
    private ScheduledFuture<?> heartbeats;
    /** Guards {@link #lastSend}: the last frame sent on {@link #sendsOn}, which the next one waits for. */
    private final Object sends = new Object();
    private CompletableFuture<Void> lastSend = CompletableFuture.completedFuture(null);
    private WebSocket sendsOn;
    private int attempts;

    public StreamConnection(String name, HttpClient http, Handler handler, ScheduledExecutorService scheduler,
            Duration minBackoff, Duration maxBackoff, Duration idleTimeout) {
        this.name = Objects.requireNonNull(name, "name");
        this.http = Objects.requireNonNull(http, "http");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.idleTimeout = idleTimeout;
        this.backoff = minBackoff;
    }

    /** Defaults: reconnect after 1 s doubling to 30 s; a stream silent for 3 minutes is considered dead. */
    public static StreamConnection withDefaults(String name, HttpClient http, Handler handler,
            ScheduledExecutorService scheduler) {
        return new StreamConnection(name, http, handler, scheduler, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(3));
    }

    public void start() {
        scheduler.execute(this::connect);
        if (!idleTimeout.isZero()) {
            long period = Math.max(1_000, idleTimeout.toMillis() / 4);
            idleCheck = scheduler.scheduleWithFixedDelay(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
        }
        if (handler.heartbeat() != null) {
            long period = HEARTBEAT_PERIOD.toMillis();
            heartbeats = scheduler.scheduleWithFixedDelay(this::sendHeartbeat, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void sendHeartbeat() {
        String text = handler.heartbeat();
        if (text != null && socket != null) {
            send(text).exceptionally(failure -> {
                LOG.debug("{} stream: heartbeat not sent: {}", name, failure.toString());
                return null;
            });
        }
    }

    public boolean isConnected() {
        return socket != null && !closed;
    }

    /**
     * Sends a text frame once the frames sent before it on this connection are written: the JDK's WebSocket fails a
     * send made while another is pending ("Send pending"), which lost every subscribe after a connection's first
     * whenever the first was not written at once. Fails when not connected.
     */
    public CompletableFuture<Void> send(String text) {
        WebSocket current = socket;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(name + " is not connected"));
        }
        synchronized (sends) {
            CompletableFuture<Void> previous = sendsOn == current ? lastSend : CompletableFuture.completedFuture(null);
            CompletableFuture<Void> next = previous.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> current.sendText(text, true)).thenApply(ws -> null);
            sendsOn = current;
            lastSend = next;
            return next;
        }
    }

    /** Drops the current connection and connects again (for example after the venue expired the session). */
    public void reconnect(String reason) {
        WebSocket current = socket;
        if (current != null) {
            lost(current, reason);
            current.abort();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        WebSocket current = socket;
        socket = null;
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "closing").whenComplete((ws, failure) -> current.abort());
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        attempts++;
        handler.endpoint()
                .thenCompose(uri -> {
                    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
                    handler.upgradeHeaders().forEach(builder::header);
                    return builder.buildAsync(uri, new Listener());
                })
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        String reason = failure.getCause() != null ? failure.getCause().toString() : failure.toString();
                        LOG.warn("{} stream: connect attempt {} failed: {}", name, attempts, reason);
                        handler.onDisconnected(reason);
                        scheduleReconnect();
                    }
                });
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        LOG.info("{} stream: reconnecting in {} ms", name, wait.toMillis());
        scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        WebSocket current = socket;
        if (current != null && System.nanoTime() - lastMessageNanos > idleTimeout.toNanos()) {
            LOG.warn("{} stream: nothing received for {} s, reconnecting", name, idleTimeout.toSeconds());
            reconnect("idle for " + idleTimeout.toSeconds() + " s");
        }
    }

    /** Marks {@code lostSocket} gone once: the handler hears one disconnect per connection. */
    private synchronized void lost(WebSocket lostSocket, String reason) {
        if (socket != lostSocket) {
            return;
        }
        socket = null;
        LOG.warn("{} stream: disconnected ({})", name, reason);
        handler.onDisconnected(reason);
        scheduleReconnect();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            synchronized (StreamConnection.this) {
                socket = webSocket;
                backoff = minBackoff;
                attempts = 0;
                lastMessageNanos = System.nanoTime();
            }
            if (closed) {
                webSocket.abort();
                return;
            }
            LOG.info("{} stream: connected", name);
            try {
                handler.onConnected(StreamConnection.this);
            } catch (RuntimeException e) {
                LOG.error("{} stream: subscribing failed, reconnecting", name, e);
                reconnect("subscribe failed: " + e.getMessage());
                return;
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastMessageNanos = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    handler.onText(text);
                } catch (RuntimeException e) {
                    LOG.error("{} stream: message not handled: {}", name, abbreviate(text), e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            lastMessageNanos = System.nanoTime();
            webSocket.request(1); // the JDK answers the pong itself
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost(webSocket, "closed by the venue: " + statusCode + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost(webSocket, error.toString());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
