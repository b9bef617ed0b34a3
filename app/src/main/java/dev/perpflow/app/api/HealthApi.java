package dev.perpflow.app.api;

import dev.perpflow.app.config.VenueSettings;
import dev.perpflow.app.persistence.Database;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/health/simple} and {@code GET /api/v1/health}, with the seed's response keys. A venue is
 * healthy when it fetched successfully within three poll intervals and has fewer than three consecutive errors.
 */
public class HealthApi {

    static final int STALE_AFTER_INTERVALS = 3;
    static final int MAX_CONSECUTIVE_ERRORS = 3;

    private final Database database;
    private final VenueRepository venues;
    private final FundingRepository funding;
    private final Map<String, VenueSettings> enabled;
    private final Clock clock;

    public HealthApi(Database database, VenueRepository venues, FundingRepository funding,
            List<VenueSettings> enabledVenues, Clock clock) {
        this.database = database;
        this.venues = venues;
        this.funding = funding;
        this.enabled = enabledVenues.stream().collect(Collectors.toMap(VenueSettings::name, Function.identity()));
        this.clock = clock;
    }

    public ApiResponse simple() {
        return ApiResponse.ok(Map.of("status", "ok", "timestamp", clock.instant()));
    }

    public ApiResponse health() {
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        if (!database.isConnected()) {
            body.put("status", "unhealthy");
            body.put("timestamp", now);
            body.put("database", Map.of("connected", false));
            return new ApiResponse(503, body);
        }
        try {
            List<Map<String, Object>> dexHealth = new ArrayList<>();
            int active = 0;
            int healthy = 0;
            for (VenueRow row : venues.findAll()) {
                boolean isHealthy = row.active() && isHealthy(row, now);
                active += row.active() ? 1 : 0;
                healthy += isHealthy ? 1 : 0;
                dexHealth.add(venueHealth(row, isHealthy, now));
            }
            FundingRepository.Freshness freshness = funding.freshness();
            body.put("status", healthy == active ? "healthy" : "degraded");
            body.put("timestamp", now);
            body.put("database", Map.of("connected", true, "description", database.description()));
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
            body.put("status", "unhealthy");
            body.put("timestamp", now);
            body.put("database", Map.of("connected", false, "error", e.getMessage()));
            return new ApiResponse(503, body);
        }
    }

    private boolean isHealthy(VenueRow row, Instant now) {
        VenueSettings settings = enabled.get(row.name());
        if (settings == null || row.lastSuccessfulFetch() == null || row.consecutiveErrors() >= MAX_CONSECUTIVE_ERRORS) {
            return false;
        }
        Duration staleAfter = settings.pollInterval().multipliedBy(STALE_AFTER_INTERVALS);
        return Duration.between(row.lastSuccessfulFetch(), now).compareTo(staleAfter) <= 0;
    }

    private static Map<String, Object> venueHealth(VenueRow row, boolean healthy, Instant now) {
        Map<String, Object> venue = new LinkedHashMap<>();
        venue.put("name", row.name());
        venue.put("display_name", row.displayName());
        venue.put("is_active", row.active());
        venue.put("is_healthy", healthy);
        venue.put("last_successful_fetch", row.lastSuccessfulFetch());
        venue.put("time_since_fetch_seconds",
                row.lastSuccessfulFetch() == null ? null : Duration.between(row.lastSuccessfulFetch(), now).toSeconds());
        venue.put("consecutive_errors", row.consecutiveErrors());
        venue.put("last_error", row.lastError());
        return venue;
    }
}
