package dev.perpflow.exchange.book;

import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.stream.StreamConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A book kept from a stream whose every message is the whole book (Hyperliquid's {@code l2Book}, GRVT's
 * {@code v1.book.s}): nothing to apply or resync, each message replaces the book. A message older than the last one
 * published (by the venue's sequence, or its time when it has none) is dropped, a crossed book is dropped and logged,
 * and a reconnect starts over. Every accepted message publishes the book to the listener.
 *
 * <p>A venue supplies where to connect, what to subscribe and how to read its messages.
 */
public abstract class SnapshotBookStream implements StreamConnection.Handler, BookStream {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotBookStream.class);

    private final String venue;
    private final String symbol;
    private final BookListener listener;
    private final StreamConnection connection;
    private long lastSequence = Long.MIN_VALUE;

    protected SnapshotBookStream(String venue, String symbol, BookListener listener, HttpClient http,
            ScheduledExecutorService scheduler) {
        this.venue = venue;
        this.symbol = symbol;
        this.listener = listener;
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

    protected String symbol() {
        return symbol;
    }

    // --- what a venue supplies ---

    /** The stream URL; called before each connection (resolve the venue's market name here). */
    protected abstract CompletableFuture<URI> streamUri();

    /** Sends the subscription once connected. */
    protected abstract void subscribe(StreamConnection connection);

    /**
     * The whole book a message carries (its {@link OrderBook#sequence()} the venue's sequence, or its time in
     * milliseconds), or {@code null} for anything else (acks, heartbeats, other channels).
     */
    protected abstract OrderBook parse(String message);

    // --- the procedure ---

    @Override
    public final CompletableFuture<URI> endpoint() {
        return streamUri();
    }

    @Override
    public final synchronized void onConnected(StreamConnection connection) {
        lastSequence = Long.MIN_VALUE;
        subscribe(connection);
    }

    @Override
    public final void onText(String text) {
        OrderBook book;
        try {
            book = parse(text);
        } catch (RuntimeException e) {
            LOG.warn("{} book {}: unreadable message ignored ({})", venue, symbol, e.getMessage());
            return;
        }
        if (book == null) {
            return;
        }
        synchronized (this) {
            if (book.sequence() < lastSequence) {
                return; // an older book arriving late never replaces a newer one
            }
            if (book.bbo().filter(bbo -> bbo.bid().compareTo(bbo.ask()) >= 0).isPresent()) {
                LOG.warn("{} book {}: crossed book ignored", venue, symbol);
                return;
            }
            lastSequence = book.sequence();
        }
        try {
            listener.onBook(book);
        } catch (RuntimeException e) {
            LOG.error("{} book {}: listener failed", venue, symbol, e);
        }
    }

    @Override
    public final synchronized void onDisconnected(String reason) {
        lastSequence = Long.MIN_VALUE;
    }
}
