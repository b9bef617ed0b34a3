package dev.perpflow.exchange.component;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.MarketStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <venue>:funding}: polls the venue's funding rates and market stats together and emits one
 * {@link FundingSnapshot} per poll. Unreachable or rate-limited venues are retried with backoff within the
 * request timeout; a poll that still fails throws a typed {@link ExchangeException};
 * with {@code bridgeErrorHandler=true} it reaches the route's error handling, so every round is accounted for.
 */
public class FundingPollConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(FundingPollConsumer.class);

    private final ExchangeEndpoint endpoint;

    public FundingPollConsumer(ExchangeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected int poll() throws Exception {
        FundingSnapshot snapshot = fetchWithRetries();
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setHeader(PerpConstants.VENUE, snapshot.venue());
            exchange.getMessage().setBody(snapshot);
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing funding snapshot of " + snapshot.venue(),
                        exchange, exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
        return 1;
    }

    /**
     * Fetches one snapshot within the endpoint's request timeout, retrying retryable failures with exponential
     * backoff (the venue's retry-after when it is rate limited) while time remains.
     */
    private FundingSnapshot fetchWithRetries() throws InterruptedException {
        ExchangeClient client = endpoint.client();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(endpoint.getRequestTimeout());
        long backoff = endpoint.getRetryDelay();
        for (int attempt = 1; ; attempt++) {
            try {
                return fetchOnce(client, deadline);
            } catch (ExchangeException e) {
                long wait = e instanceof RateLimitedException limited ? limited.retryAfter().toMillis() : backoff;
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (attempt >= endpoint.getRetryAttempts() || !isRetryable(e) || wait >= remaining) {
                    throw e;
                }
                LOG.debug("Funding poll of {} failed (attempt {}): {}; retrying in {} ms", client.venue(), attempt,
                        e.getMessage(), wait);
                Thread.sleep(wait);
                backoff = Math.min(backoff * 2, endpoint.getRetryMaxDelay());
            }
        }
    }

    private static FundingSnapshot fetchOnce(ExchangeClient client, long deadlineNanos) throws InterruptedException {
        Instant started = Instant.now();
        CompletableFuture<List<FundingRate>> rates = client.fundingRates();
        CompletableFuture<List<MarketStats>> stats = client.marketStats();
        try {
            long remaining = Math.max(0, deadlineNanos - System.nanoTime());
            CompletableFuture.allOf(rates, stats).get(remaining, TimeUnit.NANOSECONDS);
            Instant finished = Instant.now();
            return new FundingSnapshot(client.venue(), rates.join(), stats.join(), finished,
                    Duration.between(started, finished));
        } catch (TimeoutException e) {
            rates.cancel(true);
            stats.cancel(true);
            throw new VenueUnavailableException(client.venue(), "funding poll got no answer within the request timeout "
                    + "(" + Duration.between(started, Instant.now()).toMillis() + " ms)", e);
        } catch (ExecutionException e) {
            Throwable cause = ExchangeException.unwrap(e);
            if (cause instanceof ExchangeException exchangeException) {
                throw exchangeException;
            }
            throw new VenueUnavailableException(client.venue(), "funding poll failed: " + cause, cause);
        }
    }

    /** Worth another try: the venue was unreachable, overloaded or limiting us; not bad credentials or input. */
    private static boolean isRetryable(ExchangeException e) {
        return e instanceof VenueUnavailableException || e instanceof RateLimitedException;
    }
}
