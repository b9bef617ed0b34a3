package dev.perpflow.exchange.stream;

import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.book.BookStream;
import java.net.http.HttpClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A venue client's streams: one book stream per subscription and one private stream shared by every order
 * listener, all on one daemon scheduler thread ({@code <venue>-streams}). A venue's {@code <Venue>Streams} says how
 * to build its book and user streams; the lifecycle is here.
 */
public abstract class VenueStreams implements AutoCloseable {

    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private UserStream userStream;

    protected VenueStreams(String venue, HttpClient http) {
        this.http = http;
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, venue + "-streams");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The local book of {@code symbol}, kept from the venue's book stream until the subscription is closed. */
    public Subscription subscribeBook(String symbol, BookListener listener) {
        BookStream stream = newBookStream(symbol, listener);
        stream.start();
        return stream::close;
    }

    /** The account's private stream, started with the first listener. */
    public synchronized Subscription subscribeOrders(OrderEventListener listener) {
        if (userStream == null) {
            userStream = newUserStream();
            userStream.start();
        }
        userStream.add(listener);
        UserStream stream = userStream;
        return () -> stream.remove(listener);
    }

    /** Whether the private stream runs and is connected; {@code null} when nothing subscribed to it. */
    public synchronized Boolean userStreamConnected() {
        return userStream == null ? null : userStream.isConnected();
    }

    /**
     * The venue's book stream of one market ({@link dev.perpflow.exchange.book.DiffBookStream} for diff feeds,
     * {@link dev.perpflow.exchange.book.SnapshotBookStream} for feeds of whole books), built on {@link #http()} and
     * {@link #scheduler()}.
     */
    protected abstract BookStream newBookStream(String symbol, BookListener listener);

    /** The venue's private stream, built on {@link #http()} and {@link #scheduler()}. */
    protected abstract UserStream newUserStream();

    protected HttpClient http() {
        return http;
    }

    protected ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public synchronized void close() {
        if (userStream != null) {
            userStream.close();
        }
        scheduler.shutdownNow();
    }
}
