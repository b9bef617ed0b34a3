package dev.perpflow.app.api;

import dev.perpflow.app.venue.VenueHealth;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingQueries.CollectionLogRow;
import dev.perpflow.app.persistence.FundingRepository;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /api/v1/tasks/status} and {@code /tasks/health}: whether collection is running and producing fresh data,
 * from the collection logs (the seed's scheduler view).
 */
public class TasksApi {

    static final Duration FRESH_WITHIN = Duration.ofMinutes(5);
    static final int RECENT = 10;

    private final FundingQueries queries;
    private final FundingRepository funding;
    private final Supplier<Integer> runningCollectionRoutes;
    private final Clock clock;

    public TasksApi(FundingQueries queries, FundingRepository funding, Supplier<Integer> runningCollectionRoutes,
            Clock clock) {
        this.queries = queries;
        this.funding = funding;
        this.runningCollectionRoutes = runningCollectionRoutes;
        this.clock = clock;
    }

    /** {@code GET /tasks/status}. */
    public ApiResponse status() throws SQLException {
        int running = runningCollectionRoutes.get();
        List<Map<String, Object>> recent = new ArrayList<>();
        for (CollectionLogRow row : queries.recentCollections(null, RECENT)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dex_name", row.dex());
            m.put("started_at", row.startedAt());
            m.put("completed_at", row.completedAt());
            m.put("status", row.status());
            m.put("symbols_fetched", row.symbolsFetched());
            m.put("error_message", VenueHealth.masked(row.errorMessage()));
            recent.add(m);
        }
        FundingRepository.Freshness freshness = funding.freshness();
        Map<String, Object> fresh = new LinkedHashMap<>();
        fresh.put("total_rates", freshness.totalRates());
        fresh.put("latest_update", freshness.latestUpdate());
        fresh.put("oldest_update", freshness.oldestUpdate());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", running > 0 ? "active" : "inactive");
        body.put("message", running > 0 ? running + " venue collection route(s) running" : "no collection is running");
        body.put("recent_collections", recent);
        body.put("data_freshness", fresh);
        body.put("timestamp", clock.instant());
        return ApiResponse.ok(body);
    }

    /** {@code GET /tasks/health}. */
    public ApiResponse health() throws SQLException {
        Instant now = clock.instant();
        List<CollectionLogRow> recent = queries.recentCollections(null, RECENT);
        long successful = recent.stream().filter(r -> "success".equals(r.status())).count();
        FundingRepository.Freshness freshness = funding.freshness();
        boolean fresh = freshness.latestUpdate() != null
                && Duration.between(freshness.latestUpdate(), now).compareTo(FRESH_WITHIN) <= 0;
        boolean active = runningCollectionRoutes.get() > 0;
        boolean healthy = active && fresh && successful > 0;
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("recent_successful_collections", successful);
        indicators.put("fresh_data_points", freshness.totalRates());
        indicators.put("data_is_fresh", fresh);
        indicators.put("collections_active", active);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.put("indicators", indicators);
        body.put("recommendation", healthy ? "collection is working"
                : !active ? "no venue is enabled or collection routes are stopped; check perpflow.venues.*.enabled"
                : !fresh ? "no rate updated in the last 5 minutes; check /api/v1/health for failing venues"
                : "recent collections failed; check /api/v1/health for the venues' last errors");
        return ApiResponse.ok(body);
    }
}
