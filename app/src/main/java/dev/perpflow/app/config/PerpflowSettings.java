package dev.perpflow.app.config;

import dev.perpflow.app.startup.StartupException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every {@code perpflow.*} setting the application needs at startup, read once and validated: a bad value stops
 * startup with a message naming the key (see {@link PropertyReader}).
 */
public record PerpflowSettings(
        String profile,
        HttpSettings http,
        Path dataDir,
        Path routesDir,
        DatabaseSettings db,
        List<VenueSettings> venues) {

    private static final Pattern VENUE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Duration DEFAULT_POLL = Duration.ofSeconds(60);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public static PerpflowSettings read(String profile, PropertyReader properties) {
        Path dataDir = Path.of(properties.string("perpflow.data-dir", "./data")).toAbsolutePath().normalize();
        Path routesDir = Path.of(properties.string("perpflow.routes-dir", "routes")).toAbsolutePath().normalize();
        return new PerpflowSettings(Profiles.requireKnown(profile), HttpSettings.read(properties), dataDir, routesDir,
                DatabaseSettings.read(properties), readVenues(properties));
    }

    private static List<VenueSettings> readVenues(PropertyReader properties) {
        Duration defaultPoll = properties.seconds("perpflow.funding.poll-seconds", DEFAULT_POLL, 1);
        Duration timeout = properties.seconds("perpflow.funding.timeout-seconds", DEFAULT_TIMEOUT, 1);
        List<VenueSettings> venues = new ArrayList<>();
        for (Map.Entry<String, String[]> known : KnownVenues.PRODUCTION_URLS.entrySet()) {
            String name = known.getKey();
            venues.add(new VenueSettings(name, name,
                    properties.bool(VenueSettings.key(name, "enabled"), false),
                    properties.seconds(VenueSettings.key(name, "poll-seconds"), defaultPoll, 1), timeout,
                    properties.string(VenueSettings.key(name, "rest-url"), known.getValue()[0]),
                    properties.string(VenueSettings.key(name, "ws-url"), known.getValue()[1]), otherUrls(properties,
                            name)));
        }
        Set<String> seen = new HashSet<>(KnownVenues.PRODUCTION_URLS.keySet());
        for (String name : properties.list("perpflow.sim.venues")) {
            if (!VENUE_NAME.matcher(name).matches()) {
                throw PropertyReader.invalid("perpflow.sim.venues", name,
                        "venue names of lower-case letters, digits and dashes, starting with a letter");
            }
            if (!seen.add(name)) {
                throw new StartupException("perpflow.sim.venues: venue name '" + name + "' is used twice or clashes "
                        + "with a real venue; pick another name");
            }
            venues.add(new VenueSettings(name, VenueSettings.SIM,
                    properties.bool(VenueSettings.key(name, "enabled"), true),
                    properties.seconds(VenueSettings.key(name, "poll-seconds"), defaultPoll, 1), timeout, "", ""));
        }
        return List.copyOf(venues);
    }

    private static Map<String, String> otherUrls(PropertyReader properties, String venue) {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        KnownVenues.OTHER_URLS.getOrDefault(venue, Map.of()).forEach((option, production) ->
                urls.put(option, properties.string(VenueSettings.key(venue, option), production)));
        return urls;
    }

    public List<VenueSettings> enabledVenues() {
        return venues.stream().filter(VenueSettings::enabled).toList();
    }
}
