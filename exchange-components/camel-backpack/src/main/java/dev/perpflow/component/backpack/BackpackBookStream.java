package dev.perpflow.component.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.book.LocalOrderBook;
import dev.perpflow.exchange.stream.StreamConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local book for one Backpack market: subscribe to {@code depth.<symbol>}, buffer its events, take a REST
 * {@code /api/v1/depth} snapshot ({@code lastUpdateId}), drop events ending at or before it, start with the event
 * covering {@code lastUpdateId + 1}, then require each event's first id {@code U} to be the previous event's last id
 * {@code u} plus one. A gap, a crossed book or a reconnect resyncs from a new snapshot. Every applied update
 * publishes the book's top levels.
 */
final class BackpackBookStream implements StreamConnection.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(BackpackBookStream.class);
    private static final int PUBLISHED_DEPTH = 20;

    private final BackpackExchangeClient client;
    private final String symbol;
    private final BookListener listener;
    private final ScheduledExecutorService scheduler;
    private final StreamConnection connection;
    private final List<JsonNode> buffered = new ArrayList<>();

    private LocalOrderBook book;
    private String venueSymbol;
    private boolean awaitingFirst;
    private boolean snapshotPending;
    private int resyncs;

    BackpackBookStream(BackpackExchangeClient client, String symbol, BookListener listener, HttpClient http,
            ScheduledExecutorService scheduler) {
        this.client = client;
        this.symbol = symbol;
        this.listener = listener;
        this.scheduler = scheduler;
        this.connection = StreamConnection.withDefaults(client.venue() + " book " + symbol, http, this, scheduler);
    }

    void start() {
        connection.start();
    }

    void close() {
        connection.close();
    }

    /** How many times the book was rebuilt after a gap (for tests and health). */
    synchronized int resyncs() {
        return resyncs;
    }

    @Override
    public CompletableFuture<URI> endpoint() {
        return client.instrument(symbol).thenApply(instrument -> {
            synchronized (this) {
                venueSymbol = instrument.venueSymbol();
                book = new LocalOrderBook(client.venue(), instrument.symbol());
            }
            return client.config().wsUrl();
        });
    }

    @Override
    public synchronized void onConnected(StreamConnection connection) {
        connection.send(client.mapper().createObjectNode().put("method", "SUBSCRIBE")
                .set("params", client.mapper().createArrayNode().add("depth." + venueSymbol)).toString());
        resync("connected");
    }

    @Override
    public void onText(String text) {
        JsonNode message;
        try {
            message = client.mapper().readTree(text);
        } catch (IOException e) {
            LOG.warn("{} book {}: unreadable message ignored", client.venue(), symbol);
            return;
        }
        if (message.has("error")) {
            LOG.warn("{} book {}: the venue refused the subscription: {}", client.venue(), symbol,
                    message.path("error"));
            return;
        }
        JsonNode event = message.path("data");
        if (!"depth".equals(event.path("e").asText()) || !("depth." + venueSymbol).equals(
                message.path("stream").asText())) {
            return;
        }
        synchronized (this) {
            if (snapshotPending) {
                buffered.add(event);
            } else {
                apply(event);
            }
        }
    }

    @Override
    public synchronized void onDisconnected(String reason) {
        if (book != null) {
            book.clear();
        }
        buffered.clear();
    }

    /** Starts over from a REST snapshot; events keep being buffered until it arrives. */
    private void resync(String why) {
        if (snapshotPending) {
            return;
        }
        LOG.info("{} book {}: syncing from a snapshot ({})", client.venue(), symbol, why);
        snapshotPending = true;
        book.clear();
        client.depthSnapshot(venueSymbol).whenComplete((snapshot, failure) -> {
            synchronized (this) {
                snapshotPending = false;
                if (failure != null || !connection.isConnected()) {
                    if (failure != null) {
                        LOG.warn("{} book {}: snapshot failed ({}); retrying in 1 s", client.venue(), symbol,
                                failure.toString());
                        scheduler.schedule(this::retry, 1, TimeUnit.SECONDS);
                    }
                    return;
                }
                try {
                    book.reset(client.json().levels(snapshot.path("bids"), Integer.MAX_VALUE, true),
                            client.json().levels(snapshot.path("asks"), Integer.MAX_VALUE, false),
                            client.json().updateId(snapshot, "lastUpdateId"), Instant.now());
                } catch (RuntimeException e) {
                    LOG.warn("{} book {}: unusable snapshot ({}); retrying in 1 s", client.venue(), symbol,
                            e.getMessage());
                    scheduler.schedule(this::retry, 1, TimeUnit.SECONDS);
                    return;
                }
                awaitingFirst = true;
                publish();
                List<JsonNode> pending = List.copyOf(buffered);
                buffered.clear();
                for (JsonNode event : pending) {
                    if (snapshotPending) {
                        buffered.add(event);
                    } else {
                        apply(event);
                    }
                }
            }
        });
    }

    private synchronized void retry() {
        if (connection.isConnected()) {
            resync("retry");
        }
    }

    private void apply(JsonNode event) {
        if (!book.isSynced()) {
            return;
        }
        long first;
        long last;
        try {
            first = client.json().updateId(event, "U");
            last = client.json().updateId(event, "u");
        } catch (RuntimeException e) {
            gap("event without update ids");
            return;
        }
        long applied = book.lastUpdateId();
        if (awaitingFirst) {
            if (last <= applied) {
                return; // already in the snapshot
            }
            if (first > applied + 1) {
                gap("first event starts at " + first + " after snapshot " + applied);
                return;
            }
            awaitingFirst = false;
        } else if (first != applied + 1) {
            gap("event U " + first + " does not follow u " + applied);
            return;
        }
        book.apply(client.json().levels(event.path("b"), Integer.MAX_VALUE, true),
                client.json().levels(event.path("a"), Integer.MAX_VALUE, false), last,
                event.hasNonNull("T") ? client.json().micros(event, "T") : Instant.now());
        if (book.isCrossed()) {
            gap("book crossed");
            return;
        }
        publish();
    }

    private void gap(String why) {
        resyncs++;
        LOG.warn("{} book {}: sequence gap ({}), resyncing", client.venue(), symbol, why);
        resync(why);
    }

    private void publish() {
        try {
            listener.onBook(book.snapshot(PUBLISHED_DEPTH));
        } catch (RuntimeException e) {
            LOG.error("{} book {}: listener failed", client.venue(), symbol, e);
        }
    }
}
