package dev.perpflow.app.funding;

import dev.perpflow.app.funding.OpportunityJson;
import dev.perpflow.app.venue.VenueHealth;
import dev.perpflow.app.events.DomainEvent;
import dev.perpflow.app.events.EventTypes;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingQueries.LatestRateRow;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.app.persistence.VenueRepository.VenueRow;
import dev.perpflow.funding.LatestRate;
import dev.perpflow.funding.Opportunity;
import dev.perpflow.funding.OpportunityFilter;
import dev.perpflow.funding.OpportunityFinder;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest rates of every fresh venue in memory, reloaded after each collection round, and ranks
 * opportunities over them on request. Venues whose data is stale (no successful fetch within three poll
 * intervals) are left out, and every answer says which and why.
 */
public class OpportunityService {

    /** A ranking and what it was computed from. */
    public record Ranking(List<Opportunity> opportunities, Map<String, String> excludedVenues, Instant generatedAt) {
    }

    private record Snapshot(List<LatestRate> rates, Map<String, String> excluded, Instant loadedAt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(OpportunityService.class);
    private static final Duration MAX_SNAPSHOT_AGE = Duration.ofSeconds(30);

    private final OpportunityFinder finder;
    private final FundingQueries queries;
    private final VenueRepository venues;
    private final VenueHealth health;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Instant.EPOCH);
    /** What the last published ranking was: pairs in order with their net profit to 6 places. */
    private List<String> lastRanking = List.of();

    public OpportunityService(OpportunityFinder finder, FundingQueries queries, VenueRepository venues,
            VenueHealth health, Clock clock) {
        this.finder = finder;
        this.queries = queries;
        this.venues = venues;
        this.health = health;
        this.clock = clock;
    }

    public OpportunityFinder finder() {
        return finder;
    }

    /** Reloads the latest rates; called after every collection round. */
    public synchronized void refresh() throws SQLException {
        Map<String, String> excluded = new TreeMap<>();
        List<String> fresh = new ArrayList<>();
        for (VenueRow venue : venues.findAll()) {
            if (!venue.active()) {
                continue;
            }
            if (health.isFresh(venue.name(), venue.lastSuccessfulFetch())) {
                fresh.add(venue.name());
            } else {
                excluded.put(venue.name(), venue.lastSuccessfulFetch() == null ? "no successful fetch yet"
                        : "stale: last successful fetch at " + venue.lastSuccessfulFetch());
            }
        }
        List<LatestRate> rates = new ArrayList<>();
        for (LatestRateRow row : queries.latestRates(null, null)) {
            if (fresh.contains(row.dex())) {
                rates.add(new LatestRate(row.dex(), row.symbol(), row.rate(), row.intervalHours(), row.volume24h(),
                        row.openInterestUsd(), row.spreadBps(), row.updatedAt()));
            }
        }
        snapshot = new Snapshot(List.copyOf(rates), Map.copyOf(excluded), clock.instant());
    }

    /** Refreshes after a round without letting a database hiccup fail the collection route. */
    public void refreshQuietly() {
        try {
            refresh();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not reload the latest rates for opportunities: {}", e.getMessage());
        }
    }

    /**
     * Route step ({@code funding-round}): reloads the latest rates and ranks them with the default filter. Returns
     * the {@code opportunities_changed} event when the ranking differs from the last one published (other pairs,
     * another order, or a net profit that moved at the 6th decimal), null when it did not change or could not be
     * computed (logged; a round is never failed by its ranking).
     */
    public synchronized DomainEvent rerank() {
        try {
            refresh();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not reload the latest rates for opportunities: {}", e.getMessage());
            return null;
        }
        Snapshot current = snapshot;
        Instant now = clock.instant();
        List<Opportunity> ranked = finder.find(current.rates(), OpportunityFilter.defaults(), now);
        List<String> fingerprint = ranked.stream().map(o -> o.symbol() + "|" + o.longDex() + "|" + o.shortDex() + "|"
                + o.netProfitPercent().setScale(6, RoundingMode.HALF_EVEN).toPlainString()).toList();
        if (fingerprint.equals(lastRanking)) {
            return null;
        }
        lastRanking = fingerprint;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("count", ranked.size());
        payload.put("opportunities", ranked.stream().map(OpportunityJson::of).toList());
        payload.put("excluded_venues", current.excluded());
        return DomainEvent.of(EventTypes.OPPORTUNITIES_CHANGED, DomainEvent.Level.INFO, now, payload);
    }

    public Ranking rank(OpportunityFilter filter) throws SQLException {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (Duration.between(current.loadedAt(), now).compareTo(MAX_SNAPSHOT_AGE) > 0) {
            refresh();
            current = snapshot;
        }
        return new Ranking(finder.find(current.rates(), filter, now), current.excluded(), now);
    }
}
