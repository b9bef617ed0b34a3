package dev.perpflow.app.config;

import java.time.Duration;
import java.util.Map;

/**
 * One venue as configured under {@code perpflow.venues.<name>.*}.
 *
 * @param type         the component type: the venue's own name for real venues, {@code sim} for simulated ones
 * @param pollInterval   funding collection period ({@code poll-seconds})
 * @param requestTimeout how long one funding poll may take, retries included ({@code perpflow.funding.timeout-seconds})
 * @param urls           the other hosts of a venue that has several, by option name (GRVT's {@code trades-url} and
 *                       {@code auth-url}); empty for most venues
 */
public record VenueSettings(String name, String type, boolean enabled, Duration pollInterval, Duration requestTimeout,
        String restUrl, String wsUrl, Map<String, String> urls) {

    public static final String SIM = "sim";

    public VenueSettings {
        urls = Map.copyOf(urls);
    }

    /** A venue served from one REST and one WebSocket URL. */
    public VenueSettings(String name, String type, boolean enabled, Duration pollInterval, Duration requestTimeout,
            String restUrl, String wsUrl) {
        this(name, type, enabled, pollInterval, requestTimeout, restUrl, wsUrl, Map.of());
    }

    /** One of {@link #urls()}, by option name ({@code trades-url}). */
    public String url(String option) {
        String value = urls.get(option);
        if (value == null) {
            throw new IllegalStateException(name + " has no " + option);
        }
        return value;
    }

    public static String key(String venue, String option) {
        return "perpflow.venues." + venue + "." + option;
    }

    public boolean isSim() {
        return SIM.equals(type);
    }
}
