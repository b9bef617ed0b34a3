package dev.perpflow.execution;

import dev.perpflow.exchange.error.ExchangeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking on a venue future from strategy and executor threads, with the venue's typed error rethrown as is. */
public final class Futures {

    private Futures() {
    }

    /**
     * The future's value; its failure rethrown unwrapped (an {@link ExchangeException} stays one), a timeout as an
     * {@link IllegalStateException} saying how long we waited.
     */
    public static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = ExchangeException.unwrap(e);
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
