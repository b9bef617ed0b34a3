package dev.perpflow.exchange.component;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
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

/**
 * {@code <venue>:funding}: polls the venue's funding rates and market stats together and emits one
 * {@link FundingSnapshot} per poll. A failed or timed-out poll throws a typed {@link ExchangeException};
 * with {@code bridgeErrorHandler=true} it reaches the route's error handling, so every round is accounted for.
 */
public class FundingPollConsumer extends ScheduledPollConsumer {

    private final ExchangeEndpoint endpoint;

    public FundingPollConsumer(ExchangeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected int poll() throws Exception {
        ExchangeClient client = endpoint.client();
        Instant started = Instant.now();
        CompletableFuture<List<FundingRate>> rates = client.fundingRates();
        CompletableFuture<List<MarketStats>> stats = client.marketStats();
        FundingSnapshot snapshot;
        try {
            CompletableFuture.allOf(rates, stats).get(endpoint.getRequestTimeout(), TimeUnit.MILLISECONDS);
            Instant finished = Instant.now();
            snapshot = new FundingSnapshot(client.venue(), rates.join(), stats.join(), finished,
                    Duration.between(started, finished));
        } catch (TimeoutException e) {
            rates.cancel(true);
            stats.cancel(true);
            throw new VenueUnavailableException(client.venue(),
                    "funding poll got no answer within " + endpoint.getRequestTimeout() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = ExchangeException.unwrap(e);
            if (cause instanceof ExchangeException exchangeException) {
                throw exchangeException;
            }
            throw new VenueUnavailableException(client.venue(), "funding poll failed: " + cause, cause);
        }

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
}
