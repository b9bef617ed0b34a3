package dev.perpflow.app.funding;

import dev.perpflow.app.persistence.MaintenanceRepository;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance routes' bean: daily retention (funding history older than 90 days, collection logs older
 * than 30) and clearing of market data a venue stopped updating (10 minutes), so stale volume or open interest
 * never passes an opportunity filter.
 */
public class Maintenance {

    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final MaintenanceRepository repository;
    private final Duration fundingRateRetention;
    private final Duration collectionLogRetention;
    private final Duration marketDataStaleAfter;
    private final Clock clock;

    public Maintenance(MaintenanceRepository repository, Duration fundingRateRetention, Duration collectionLogRetention,
            Duration marketDataStaleAfter, Clock clock) {
        this.repository = repository;
        this.fundingRateRetention = fundingRateRetention;
        this.collectionLogRetention = collectionLogRetention;
        this.marketDataStaleAfter = marketDataStaleAfter;
        this.clock = clock;
    }

    public void applyRetention() throws SQLException {
        Instant now = clock.instant();
        int rates = repository.deleteFundingRatesBefore(now.minus(fundingRateRetention));
        int logs = repository.deleteCollectionLogsBefore(now.minus(collectionLogRetention));
        LOG.info("Retention: deleted {} funding rates older than {} days and {} collection logs older than {} days",
                rates, fundingRateRetention.toDays(), logs, collectionLogRetention.toDays());
    }

    public void clearStaleMarketData() throws SQLException {
        int cleared = repository.clearMarketDataNotUpdatedSince(clock.instant().minus(marketDataStaleAfter));
        if (cleared > 0) {
            LOG.info("Cleared market data of {} markets not updated for {} minutes", cleared,
                    marketDataStaleAfter.toMinutes());
        }
    }
}
