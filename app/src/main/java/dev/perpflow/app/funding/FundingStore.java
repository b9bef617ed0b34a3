package dev.perpflow.app.funding;

import dev.perpflow.app.metrics.PerpflowMetrics;
import dev.perpflow.app.persistence.FundingRepository;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.exchange.component.PerpConstants;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.FundingSnapshot;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The funding routes' bean: {@code funding-round} persists each venue round (with its {@code funding_round_stored}
 * event), the {@code funding-collect} routes' error handler accounts for failed ones, so every round leaves a
 * {@code collection_logs} row and the venue's health is current.
 */
public class FundingStore {

    private static final Logger LOG = LoggerFactory.getLogger(FundingStore.class);

    private final VenueRepository venues;
    private final FundingRepository funding;
    private final OpportunityService opportunities;
    private final PerpflowMetrics metrics;

    /** @param metrics counts stored and failed rounds and times them ({@code perpflow_funding_round*}) */
    public FundingStore(VenueRepository venues, FundingRepository funding, OpportunityService opportunities,
            PerpflowMetrics metrics) {
        this.venues = venues;
        this.funding = funding;
        this.opportunities = opportunities;
        this.metrics = metrics;
    }

    /** Route step: stores one venue's round; the body stays the snapshot. */
    public void store(FundingSnapshot snapshot) throws SQLException {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("venue", snapshot.venue())) {
            long start = System.nanoTime();
            int written = funding.storeRound(venues.idOf(snapshot.venue()), snapshot);
            Duration storing = Duration.ofNanos(System.nanoTime() - start);
            metrics.fundingRoundStored(snapshot.venue(), snapshot.latency().plus(storing));
            LOG.debug("Stored {} of {} funding rates from {} ({} ms)", written, snapshot.rates().size(),
                    snapshot.venue(), snapshot.latency().toMillis());
        }
    }

    /** Error-handler step: records the failure carried by the exchange against its venue. */
    public void recordFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String venue = failure instanceof ExchangeException e ? e.venue()
                : exchange.getMessage().getHeader(PerpConstants.VENUE, String.class);
        String message = failure == null ? "unknown error" : describe(failure);
        if (venue != null) {
            metrics.fundingRoundFailed(venue);
        }
        if (venue == null) {
            LOG.error("Funding collection failed for an unknown venue: {}", message, failure);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("venue", venue)) {
            LOG.warn("Funding collection from {} failed: {}", venue, message);
            funding.recordFailure(venues.idOf(venue), Instant.now(), message);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Could not record the failed funding round of {}: {}", venue, e.getMessage());
        }
        opportunities.refreshQuietly();
    }

    private static String describe(Throwable failure) {
        Throwable root = ExchangeException.unwrap(failure);
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
