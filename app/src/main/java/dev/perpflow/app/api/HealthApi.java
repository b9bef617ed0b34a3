package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.venue.VenueHealth;
import dev.perpflow.app.persistence.Database;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingRepository;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.app.persistence.VenueRepository.VenueRow;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Header;

/**
 * {@code /api/v1/health…} with the seed's response keys. {@code /health} is 200 while the database answers
 * ({@code healthy} when every active venue is healthy, else {@code degraded}) and 503 when it does not. A venue is
 * healthy when its collection is ({@link VenueHealth}) and none of its component's Camel consumer health checks is
 * DOWN; each venue lists those checks under {@code checks}. These endpoints are public: an error is shown as
 * {@value VenueHealth#UNAVAILABLE}, its text only logged.
 */
public class HealthApi {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HealthApi.class);

    private final Database database;
    private final VenueRepository venues;
    private final FundingRepository funding;
    private final FundingQueries queries;
    private final VenueHealth venueHealth;
    private final Clock clock;

    public HealthApi(Database database, VenueRepository venues, FundingRepository funding, FundingQueries queries,
            VenueHealth venueHealth, Clock clock) {
        this.database = database;
        this.venues = venues;
        this.funding = funding;
        this.queries = queries;
        this.venueHealth = venueHealth;
        this.clock = clock;
    }

    /** {@code GET /health/simple}: liveness only, no database access. */
    public ApiResponse simple() {
        return ApiResponse.ok(Map.of("status", "ok", "timestamp", clock.instant()));
    }

    /** {@code GET /health}; Camel passes its context, whose health checks the venue components report to. */
    public ApiResponse health(CamelContext camel) {
        Instant now = clock.instant();
        if (!database.isConnected()) {
            return databaseDown(now, null);
        }
        try {
            List<Map<String, Object>> dexHealth = new ArrayList<>();
            Map<String, List<Map<String, Object>>> checks = VenueHealth.componentChecks(camel);
            int active = 0;
            int healthy = 0;
            for (VenueRow row : venues.findAll()) {
                List<Map<String, Object>> venueChecks = checks.getOrDefault(row.name(), List.of());
                boolean isHealthy = venueHealth.isHealthy(row) && VenueHealth.componentsUp(venueChecks);
                active += row.active() ? 1 : 0;
                healthy += isHealthy ? 1 : 0;
                dexHealth.add(venueHealth.describe(row, venueChecks));
            }
            FundingRepository.Freshness freshness = funding.freshness();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", healthy == active ? "healthy" : "degraded");
            body.put("timestamp", now);
            body.put("database", Map.of("connected", true));
            body.put("dex_health", dexHealth);
            body.put("dex_summary", Map.of("total", dexHealth.size(), "active", active, "healthy", healthy));
            Map<String, Object> fresh = new LinkedHashMap<>();
            fresh.put("oldest_data_age_seconds",
                    freshness.oldestUpdate() == null ? null : Duration.between(freshness.oldestUpdate(), now).toSeconds());
            fresh.put("latest_update", freshness.latestUpdate());
            fresh.put("total_rates", freshness.totalRates());
            body.put("data_freshness", fresh);
            return ApiResponse.ok(body);
        } catch (SQLException e) {
            return databaseDown(now, e.getMessage());
        }
    }

    /** {@code GET /health/database}. */
    public ApiResponse database() {
        Instant now = clock.instant();
        if (!database.isConnected()) {
            return databaseDown(now, null);
        }
        try {
            FundingQueries.DatabaseCounts counts = queries.counts();
            Map<String, Object> statistics = new LinkedHashMap<>();
            statistics.put("symbols", counts.symbols());
            statistics.put("dexes", counts.dexes());
            statistics.put("latest_rates", counts.latestRates());
            statistics.put("rates_last_24h", counts.ratesLast24h());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "healthy");
            body.put("connected", true);
            body.put("statistics", statistics);
            body.put("timestamp", now);
            return ApiResponse.ok(body);
        } catch (SQLException e) {
            return databaseDown(now, e.getMessage());
        }
    }

    /** {@code GET /health/dex/{dex}}. */
    public ApiResponse venue(@Header("dex") String dex) throws SQLException {
        Instant now = clock.instant();
        VenueRow row = venues.findByName(dex == null ? "" : dex.trim())
                .orElseThrow(() -> Refusal.notFound("unknown dex '" + dex + "'"));
        FundingQueries.VenueActivity activity = queries.venueActivity(row.name());
        boolean healthy = venueHealth.isHealthy(row);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dex_name", row.name());
        body.put("status", !row.active() ? "inactive" : healthy ? "healthy" : "unhealthy");
        body.put("is_active", row.active());
        body.put("last_successful_fetch", row.lastSuccessfulFetch());
        body.put("time_since_fetch_seconds",
                row.lastSuccessfulFetch() == null ? null : Duration.between(row.lastSuccessfulFetch(), now).toSeconds());
        body.put("consecutive_errors", row.consecutiveErrors());
        body.put("last_error", VenueHealth.masked(row.lastError()));
        body.put("active_symbols", activity.activeSymbols());
        body.put("recent_updates", activity.recentUpdates());
        body.put("timestamp", now);
        return ApiResponse.ok(body);
    }

    private static ApiResponse databaseDown(Instant now, String error) {
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("connected", false);
        if (error != null) {
            // public endpoint: the SQL error stays in the log
            LOG.warn("Health check: the database failed: {}", error);
            database.put("error", VenueHealth.UNAVAILABLE);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "unhealthy");
        body.put("timestamp", now);
        body.put("database", database);
        return new ApiResponse(503, body);
    }
}
