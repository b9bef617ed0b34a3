package dev.perpflow.app.config;

import java.time.Duration;

/**
 * One venue as configured under {@code perpflow.venues.<name>.*}.
 *
 * @param type         the component type: the venue's own name for real venues, {@code sim} for simulated ones
 * @param pollInterval   funding collection period ({@code poll-seconds})
 * @param requestTimeout how long one funding poll may take, retries included ({@code perpflow.funding.timeout-seconds})
 */
public record VenueSettings(String name, String type, boolean enabled, Duration pollInterval, Duration requestTimeout,
        String restUrl, String wsUrl) {

    public static final String SIM = "sim";

    public static String key(String venue, String option) {
        return "perpflow.venues." + venue + "." + option;
    }

    public boolean isSim() {
        return SIM.equals(type);
    }
}
