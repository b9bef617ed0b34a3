package dev.perpflow.component.lighter.client;

import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API key's transaction nonces, kept locally: fetched once from {@code nextNonce}, then taken one by one; fetched
 * again when the venue refuses one or when a transaction's outcome is unknown (its nonce may or may not have been
 * used). A failed fetch (HTTP 503 during the venue's maintenance, the seed's startup crash) never throws out of
 * here: the venue is marked down, transactions fail at once as unavailable without being sent, and the fetch is
 * retried in the background with backoff (1 s doubling to 60 s) until it succeeds.
 */
public final class LighterNonces {

    private static final Logger LOG = LoggerFactory.getLogger(LighterNonces.class);
    static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final String venue;
    private final Supplier<CompletableFuture<Long>> fetch;
    private Long next;
    private CompletableFuture<Void> fetching;
    private Duration backoff = MIN_BACKOFF;
    private boolean down;
    /** Whether a fetch failed since the last nonce was known (so a success is worth telling). */
    private boolean wasDown;
    private boolean retryScheduled;
    private boolean closed;

    public LighterNonces(String venue, Supplier<CompletableFuture<Long>> fetch) {
        this.venue = venue;
        this.fetch = fetch;
    }

    /** Starts fetching now (at client start): a failure only marks the venue down and schedules a retry. */
    public void warmUp() {
        ready().exceptionally(failure -> null);
    }

    /** Completes when a nonce is known; fails with {@link VenueUnavailableException} while the venue is down. */
    public synchronized CompletableFuture<Void> ready() {
        if (next != null) {
            return CompletableFuture.completedFuture(null);
        }
        if (down && fetching == null) {
            return CompletableFuture.failedFuture(new VenueUnavailableException(venue, venue
                    + " is marked down: its nonce could not be fetched (maintenance?); retrying with backoff", null));
        }
        if (fetching == null) {
            CompletableFuture<Void> started = fetch.get().handle((nonce, failure) -> {
                fetched(nonce, failure);
                if (failure != null) {
                    throw new VenueUnavailableException(venue, venue + " nonce not fetched: "
                            + ExchangeException.unwrap(failure).getMessage(), ExchangeException.unwrap(failure));
                }
                return null;
            });
            if (!started.isDone()) {
                fetching = started;
            }
            return started;
        }
        return fetching;
    }

    private synchronized void fetched(Long nonce, Throwable failure) {
        fetching = null;
        if (failure == null && nonce != null) {
            if (wasDown) {
                LOG.info("{}: nonce fetched ({}), the venue is up again", venue, nonce);
            }
            next = nonce;
            down = false;
            wasDown = false;
            backoff = MIN_BACKOFF;
            return;
        }
        down = true;
        wasDown = true;
        if (!retryScheduled && !closed) {
            retryScheduled = true;
            Duration wait = backoff;
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            LOG.warn("{}: nonce fetch failed ({}); the venue is marked down, retrying in {} s", venue,
                    ExchangeException.unwrap(failure).getMessage(), wait.toSeconds());
            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(this::retry);
        }
    }

    private void retry() {
        synchronized (this) {
            retryScheduled = false;
            if (closed || next != null) {
                return;
            }
            down = false; // let ready() start a fetch; a failure marks it down again
        }
        warmUp();
    }

    /** The nonce for the next transaction (after {@link #ready()} completed). */
    public synchronized long take() {
        if (next == null) {
            throw new VenueUnavailableException(venue, venue + ": no nonce known (fetching it again)", null);
        }
        return next++;
    }

    /** Forgets the local nonce: the next transaction fetches it again (after a refused or unknown one). */
    public synchronized void resync(String why) {
        if (next != null) {
            LOG.info("{}: nonce resync ({})", venue, why);
        }
        next = null;
    }

    /** Whether transactions can be signed now (a nonce is known). */
    public synchronized boolean isReady() {
        return next != null;
    }

    /** Whether the last fetch failed and a retry is pending. */
    public synchronized boolean isDown() {
        return down;
    }

    public synchronized void close() {
        closed = true;
    }
}
