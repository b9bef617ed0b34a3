package dev.perpflow.app.venue;

import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.config.VenueSettings;

/** Builds simulated venues from {@code perpflow.venues.<name>.*}. */
final class SimVenues {

    private SimVenues() {
    }

    static VenueRegistry.Venue create(VenueSettings venue, PropertyReader properties) {
        throw new UnsupportedOperationException("camel-sim wiring pending");
    }
}
