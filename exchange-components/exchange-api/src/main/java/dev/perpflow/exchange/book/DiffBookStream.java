package dev.perpflow.exchange.book;

import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.model.PriceLevel;
import dev.perpflow.exchange.stream.StreamConnection;
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
 * A local book for one market kept from a venue's diff-depth stream, the procedure every such venue documents: open
 * the stream and buffer its updates, take a REST snapshot with its last update id, drop updates it already holds,
 * start from the update that continues it, then require each update to follow the previous one. A gap, a crossed book
 * or a reconnect rebuilds the book from a new snapshot (a failed snapshot is retried after a second). Every applied
 * update publishes the book's top levels to the listener.
 *
 * <p>A venue supplies where to connect and what to subscribe, how to read its messages and snapshots, and its
 * sequencing rule ({@link #startsAfter}, {@link #follows}); the buffering, resync and publishing live here.
 */
public abstract class DiffBookStream implements StreamConnection.Handler, BookStream {

    private static final Logger LOG = LoggerFactory.getLogger(DiffBookStream.class);
    private static final int PUBLISHED_DEPTH = 20;

    /** One diff-depth update: its first and last update ids, the id it follows (0 when the venue sends none). */
    public record Update(long first, long last, long previous, List<PriceLevel> bids, List<PriceLevel> asks,
            Instant time) {
    }

    /** A REST snapshot: every level and the id of the last update it includes. */
    public record Snapshot(List<PriceLevel> bids, List<PriceLevel> asks, long lastUpdateId) {
    }

    /** Where the first update after a snapshot stands. */
    protected enum Start { ALREADY_IN_SNAPSHOT, CONTINUES, GAP }

    private final String venue;
    private final String symbol;
    private final BookListener listener;
    private final ScheduledExecutorService scheduler;
    private final StreamConnection connection;
    private final List<Update> buffered = new ArrayList<>();

    private LocalOrderBook book;
    private boolean awaitingFirst;
    private boolean snapshotPending;
    private int resyncs;

    protected DiffBookStream(String venue, String symbol, BookListener listener, HttpClient http,
            ScheduledExecutorService scheduler) {
        this.venue = venue;
        this.symbol = symbol;
        this.listener = listener;
        this.scheduler = scheduler;
        this.connection = StreamConnection.withDefaults(venue + " book " + symbol, http, this, scheduler);
    }

    @Override
    public void start() {
        connection.start();
    }

    @Override
    public void close() {
        connection.close();
    }

    /** How many times the book was rebuilt after a gap (for tests and health). */
    public synchronized int resyncs() {
        return resyncs;
    }

    protected String symbol() {
        return symbol;
    }

    // --- what a venue supplies ---

    /** The stream URL; called before each connection (resolve the venue's market name here). */
    protected abstract CompletableFuture<URI> streamUri();

    /** Sends the subscription, for venues that subscribe after connecting (nothing by default). */
    protected void subscribe(StreamConnection connection) {
    }

    /** The depth update a message carries, or null for anything else (acks, other streams, heartbeats). */
    protected abstract Update parse(String message);

    protected abstract CompletableFuture<Snapshot> snapshot();

    /** Where the first update after a snapshot with {@code snapshotId} stands. */
    protected abstract Start startsAfter(long snapshotId, Update update);

    /** Whether {@code update} directly follows the last applied update id. */
    protected abstract boolean follows(long appliedId, Update update);

    // --- the procedure ---

    @Override
    public final CompletableFuture<URI> endpoint() {
        synchronized (this) {
            book = new LocalOrderBook(venue, symbol);
        }
        return streamUri();
    }

    @Override
    public final synchronized void onConnected(StreamConnection connection) {
        subscribe(connection);
        resync("connected");
    }

    @Override
    public final void onText(String text) {
        Update update;
        try {
            update = parse(text);
        } catch (RuntimeException e) {
            LOG.warn("{} book {}: unreadable message ignored ({})", venue, symbol, e.getMessage());
            return;
        }
        if (update == null) {
            return;
        }
        synchronized (this) {
            if (snapshotPending) {
                buffered.add(update);
            } else {
                apply(update);
            }
        }
    }

    @Override
    public final synchronized void onDisconnected(String reason) {
        if (book != null) {
            book.clear();
        }
        buffered.clear();
    }

    /** Starts over from a REST snapshot; updates are buffered until it arrives. */
    private void resync(String why) {
        if (snapshotPending) {
            return;
        }
        LOG.info("{} book {}: syncing from a snapshot ({})", venue, symbol, why);
        snapshotPending = true;
        book.clear();
        snapshot().whenComplete((snapshot, failure) -> {
            synchronized (this) {
                snapshotPending = false;
                if (failure != null || !connection.isConnected()) {
                    if (failure != null) {
                        LOG.warn("{} book {}: snapshot failed ({}); retrying in 1 s", venue, symbol, failure.toString());
                        scheduler.schedule(this::retry, 1, TimeUnit.SECONDS);
                    }
                    return;
                }
                book.reset(snapshot.bids(), snapshot.asks(), snapshot.lastUpdateId(), Instant.now());
                awaitingFirst = true;
                publish();
                List<Update> pending = List.copyOf(buffered);
                buffered.clear();
                for (Update update : pending) {
                    if (snapshotPending) {
                        buffered.add(update);
                    } else {
                        apply(update);
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

    private void apply(Update update) {
        if (!book.isSynced()) {
            return;
        }
        long applied = book.lastUpdateId();
        if (awaitingFirst) {
            switch (startsAfter(applied, update)) {
                case ALREADY_IN_SNAPSHOT -> {
                    return;
                }
                case GAP -> {
                    gap("first update " + update.first() + ".." + update.last() + " does not continue snapshot "
                            + applied);
                    return;
                }
                case CONTINUES -> awaitingFirst = false;
            }
        } else if (!follows(applied, update)) {
            gap("update " + update.first() + ".." + update.last() + " does not follow " + applied);
            return;
        }
        book.apply(update.bids(), update.asks(), update.last(), update.time());
        if (book.isCrossed()) {
            gap("book crossed");
            return;
        }
        publish();
    }

    private void gap(String why) {
        resyncs++;
        LOG.warn("{} book {}: sequence gap ({}), resyncing", venue, symbol, why);
        resync(why);
    }

    private void publish() {
        try {
            listener.onBook(book.snapshot(PUBLISHED_DEPTH));
        } catch (RuntimeException e) {
            LOG.error("{} book {}: listener failed", venue, symbol, e);
        }
    }
}
