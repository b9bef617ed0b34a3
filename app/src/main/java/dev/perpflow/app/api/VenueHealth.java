package dev.perpflow.app.api;

import dev.perpflow.app.config.VenueSettings;
import dev.perpflow.app.persistence.VenueRepository.VenueRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides whether a venue's collection is healthy: enabled, a successful fetch within three poll intervals, and
 * fewer than three consecutive errors. The same rule excludes stale venues from opportunities.
 */
public class VenueHealth {

    static final int STALE_AFTER_INTERVALS = 3;
    static final int MAX_CONSECUTIVE_ERRORS = 3;

    private final Map<String, VenueSettings> enabled;
    private final Clock clock;

    public VenueHealth(List<VenueSettings> enabledVenues, Clock clock) {
        this.enabled = enabledVenues.stream().collect(Collectors.toMap(VenueSettings::name, Function.identity()));
        this.clock = clock;
    }

    public boolean isHealthy(VenueRow row) {
        VenueSettings settings = enabled.get(row.name());
        if (!row.active() || settings == null || row.consecutiveErrors() >= MAX_CONSECUTIVE_ERRORS) {
            return false;
        }
        return isFresh(row.name(), row.lastSuccessfulFetch());
    }

    /** Whether a venue's last successful fetch is recent enough for its data to be used. */
    public boolean isFresh(String venue, Instant lastSuccessfulFetch) {
        VenueSettings settings = enabled.get(venue);
        if (settings == null || lastSuccessfulFetch == null) {
            return false;
        }
        Duration staleAfter = settings.pollInterval().multipliedBy(STALE_AFTER_INTERVALS);
        return Duration.between(lastSuccessfulFetch, clock.instant()).compareTo(staleAfter) <= 0;
    }

    /**
     * What a public endpoint shows of an error: that there was one, never its text (a venue's or the database's
     * message can carry hosts, account details or SQL); the text is in the server log and the database.
     */
    public static String masked(String error) {
        return error == null ? null : UNAVAILABLE;
    }

    public static final String UNAVAILABLE = "unavailable (details in the server log)";

    public Map<String, Object> describe(VenueRow row) {
        Instant now = clock.instant();
        Map<String, Object> venue = new LinkedHashMap<>();
        venue.put("name", row.name());
        venue.put("display_name", row.displayName());
        venue.put("is_active", row.active());
        venue.put("is_healthy", isHealthy(row));
        venue.put("last_successful_fetch", row.lastSuccessfulFetch());
        venue.put("time_since_fetch_seconds",
                row.lastSuccessfulFetch() == null ? null : Duration.between(row.lastSuccessfulFetch(), now).toSeconds());
        venue.put("consecutive_errors", row.consecutiveErrors());
        venue.put("last_error", masked(row.lastError()));
        return venue;
    }
}
