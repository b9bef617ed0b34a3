package dev.perpflow.component.aster;

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
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local book for one Aster market, kept as the venue documents ("How to manage a local order book correctly"):
 * open {@code <symbol>@depth@100ms}, buffer its events, take a REST snapshot, drop events with {@code u} before the
 * snapshot's {@code lastUpdateId}, start from the event with {@code U <= lastUpdateId <= u} (or whose {@code pu} is
 * the snapshot's id, when the snapshot ends exactly between two events), then require each
 * event's {@code pu} to equal the previous {@code u}. A gap, a crossed book or a reconnect resyncs from a new
 * snapshot. Every applied update publishes the book's top levels.
 */
final class AsterBookStream implements StreamConnection.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(AsterBookStream.class);
    private static final int SNAPSHOT_LIMIT = 1000;
    private static final int PUBLISHED_DEPTH = 20;

    private final AsterExchangeClient client;
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

    AsterBookStream(AsterExchangeClient client, String symbol, BookListener listener, HttpClient http,
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

    /** How many times the book was rebuilt from a snapshot after a gap (for tests and health). */
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
            return URI.create(client.config().wsUrl() + "/ws/" + instrument.venueSymbol().toLowerCase(Locale.ROOT)
                    + "@depth@100ms");
        });
    }

    @Override
    public synchronized void onConnected(StreamConnection connection) {
        resync("connected");
    }

    @Override
    public void onText(String text) {
        JsonNode event;
        try {
            event = client.mapper().readTree(text);
        } catch (IOException e) {
            LOG.warn("{} book {}: unreadable message ignored", client.venue(), symbol);
            return;
        }
        if (!"depthUpdate".equals(event.path("e").asText())) {
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
        client.depthSnapshot(venueSymbol, SNAPSHOT_LIMIT).whenComplete((snapshot, failure) -> {
            synchronized (this) {
                snapshotPending = false;
                if (failure != null) {
                    LOG.warn("{} book {}: snapshot failed ({}); retrying in 1 s", client.venue(), symbol,
                            failure.toString());
                    scheduler.schedule(() -> {
                        synchronized (this) {
                            if (connection.isConnected()) {
                                resync("retry");
                            }
                        }
                    }, 1, TimeUnit.SECONDS);
                    return;
                }
                long lastUpdateId = snapshot.path("lastUpdateId").asLong();
                book.reset(AsterJson.levels(snapshot.path("bids"), Integer.MAX_VALUE),
                        AsterJson.levels(snapshot.path("asks"), Integer.MAX_VALUE), lastUpdateId, Instant.now());
                awaitingFirst = true;
                publish();
                List<JsonNode> pending = List.copyOf(buffered);
                buffered.clear();
                for (JsonNode event : pending) {
                    if (!book.isSynced() && !snapshotPending) {
                        break;
                    }
                    apply(event);
                }
            }
        });
    }

    private void apply(JsonNode event) {
        if (!book.isSynced()) {
            return;
        }
        long first = event.path("U").asLong();
        long last = event.path("u").asLong();
        long previous = event.path("pu").asLong();
        long applied = book.lastUpdateId();
        if (awaitingFirst) {
            if (last < applied) {
                return; // older than the snapshot
            }
            boolean spansSnapshot = first <= applied && applied <= last;
            if (!spansSnapshot && previous != applied) {
                gap("first event " + first + ".." + last + " does not continue snapshot " + applied);
                return;
            }
            awaitingFirst = false;
        } else if (previous != applied) {
            gap("event pu " + previous + " does not follow " + applied);
            return;
        }
        book.apply(AsterJson.levels(event.path("b"), Integer.MAX_VALUE),
                AsterJson.levels(event.path("a"), Integer.MAX_VALUE), last,
                event.has("E") ? Instant.ofEpochMilli(event.path("E").asLong()) : Instant.now());
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
