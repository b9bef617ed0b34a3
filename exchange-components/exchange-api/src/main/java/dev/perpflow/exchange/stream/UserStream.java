package dev.perpflow.exchange.stream;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.StreamState;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A venue's private (account) stream kept whole: it tells its listeners when it connects and drops, and after a
 * reconnect it catches up by REST before delivering live events again: open orders, the final state of every order
 * that was working when the stream dropped, fills since the earlier of the last fill seen and the drop (one minute
 * of overlap), and positions; live events arriving meanwhile are held and delivered after, in order. Duplicates are
 * harmless to listeners (fills are unique by trade id).
 *
 * <p>A venue supplies where to connect ({@link #endpoint}), what to send once connected ({@link #subscribe}) and
 * how to read a message ({@link #dispatch}, which calls {@link #deliverOrder}, {@link #deliverFill} and
 * {@link #deliverPosition}).
 */
public abstract class UserStream implements StreamConnection.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(UserStream.class);
    private static final Duration CATCH_UP_OVERLAP = Duration.ofMinutes(1);

    private final String name;
    private final ExchangeClient client;
    private final StreamConnection connection;
    private final OrderEventFanOut events;
    private final List<String> held = new ArrayList<>();

    private volatile Instant lastFillAt;
    private volatile Instant disconnectedAt;
    private volatile boolean everConnected;
    private boolean catchingUp;

    protected UserStream(String name, ExchangeClient client, HttpClient http, ScheduledExecutorService scheduler) {
        this.name = name;
        this.client = client;
        this.events = new OrderEventFanOut(name);
        this.connection = StreamConnection.withDefaults(name, http, this, scheduler);
    }

    public void start() {
        connection.start();
    }

    public void add(OrderEventListener listener) {
        events.add(listener, connection.isConnected());
    }

    public void remove(OrderEventListener listener) {
        events.remove(listener);
    }

    /** Whether the stream is connected now (for health checks). */
    public boolean isConnected() {
        return connection.isConnected();
    }

    public void close() {
        connection.close();
    }

    protected StreamConnection connection() {
        return connection;
    }

    /** Sends what the venue needs once connected (a signed subscribe); nothing by default. */
    protected void subscribe(StreamConnection connection) {
    }

    /** Reads one live message and delivers what it carries. */
    protected abstract void dispatch(String text);

    @Override
    public final void onConnected(StreamConnection connection) {
        subscribe(connection);
        boolean reconnect = everConnected;
        Instant lostAt = disconnectedAt != null ? disconnectedAt : Instant.now();
        everConnected = true;
        disconnectedAt = null;
        synchronized (this) {
            catchingUp = reconnect;
        }
        events.state(StreamState.CONNECTED);
        if (reconnect) {
            Instant lastFill = lastFillAt;
            Instant since = lastFill != null && lastFill.isBefore(lostAt) ? lastFill : lostAt;
            catchUp(since.minus(CATCH_UP_OVERLAP));
        }
    }

    @Override
    public final void onDisconnected(String reason) {
        if (disconnectedAt == null) {
            disconnectedAt = Instant.now();
        }
        synchronized (this) {
            held.clear();
            catchingUp = false;
        }
        events.state(StreamState.DISCONNECTED);
    }

    @Override
    public final void onText(String text) {
        synchronized (this) {
            if (catchingUp) {
                held.add(text);
                return;
            }
        }
        dispatchSafely(text);
    }

    protected final void deliverOrder(Order order) {
        events.order(order);
    }

    protected final void deliverFill(Fill fill) {
        Instant last = lastFillAt;
        if (last == null || fill.timestamp().isAfter(last)) {
            lastFillAt = fill.timestamp();
        }
        events.fill(fill);
    }

    protected final void deliverPosition(Position position) {
        events.position(position);
    }

    private void dispatchSafely(String text) {
        try {
            dispatch(text);
        } catch (RuntimeException e) {
            LOG.error("{}: event not understood ({}): {}", name, e.getMessage(), text);
        }
    }

    private void catchUp(Instant since) {
        LOG.info("{}: catching up by REST since {}", name, since);
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
                .thenAccept(list -> list.forEach(this::deliverPosition))
                .exceptionally(failure -> logCatchUpFailure("positions", failure));
        CompletableFuture.allOf(orders, fills, positions).whenComplete((done, failure) -> releaseHeld());
    }

    /** Live messages that arrived during the catch-up, in arrival order, then live delivery again. */
    private void releaseHeld() {
        while (true) {
            List<String> batch;
            synchronized (this) {
                if (held.isEmpty()) {
                    catchingUp = false;
                    return;
                }
                batch = List.copyOf(held);
                held.clear();
            }
            batch.forEach(this::dispatchSafely);
        }
    }

    private Void logCatchUpFailure(String what, Throwable failure) {
        LOG.warn("{}: catching up {} failed: {}", name, what, failure.toString());
        return null;
    }
}
