package dev.perpflow.app.venue;

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
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckAware;

/**
 * Decides whether a venue's collection is healthy: enabled, a successful fetch within three poll intervals, and
 * fewer than three consecutive errors. The same rule excludes stale venues from opportunities. {@code /health} adds
 * what the venue components report to Camel's health checks ({@link #componentChecks}): a venue whose funding poll
 * (or book or order stream) consumer is DOWN is not healthy either.
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
     * The Camel consumer health checks of each venue's component (the component is registered under the venue's
     * name, so a route's endpoint scheme is the venue): id, state, message and endpoint, by venue. Read from the
     * routes' consumers ({@code HealthCheckAware}), so they show whether or not Camel's health registry is set up.
     */
    public static Map<String, List<Map<String, Object>>> componentChecks(CamelContext camel) {
        Map<String, List<Map<String, Object>>> byVenue = new LinkedHashMap<>();
        if (camel == null) {
            return byVenue;
        }
        for (Route route : camel.getRoutes()) {
            if (!(route.getConsumer() instanceof HealthCheckAware aware) || aware.getHealthCheck() == null
                    || !aware.getHealthCheck().isEnabled()) {
                continue;
            }
            HealthCheck.Result result = aware.getHealthCheck().call();
            String uri = route.getEndpoint().getEndpointBaseUri();
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("id", "consumer:" + route.getRouteId());
            check.put("state", result.getState().name());
            // public endpoint: a failing check's text (a venue's error) is logged, not shown
            check.put("message", result.getState() == HealthCheck.State.DOWN
                    ? masked(result.getMessage().orElse("down")) : result.getMessage().orElse(null));
            check.put("endpoint", uri);
            byVenue.computeIfAbsent(uri.split(":", 2)[0], k -> new java.util.ArrayList<>()).add(check);
        }
        return byVenue;
    }

    /** Whether none of a venue's component checks is DOWN. */
    public static boolean componentsUp(List<Map<String, Object>> checks) {
        return checks.stream().noneMatch(check -> HealthCheck.State.DOWN.name().equals(check.get("state")));
    }

    /** {@link #describe(VenueRow)} with the venue's component checks, which count towards {@code is_healthy}. */
    public Map<String, Object> describe(VenueRow row, List<Map<String, Object>> checks) {
        Map<String, Object> venue = describe(row);
        venue.put("is_healthy", isHealthy(row) && componentsUp(checks));
        venue.put("checks", checks);
        return venue;
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
