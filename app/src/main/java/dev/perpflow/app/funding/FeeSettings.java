package dev.perpflow.app.funding;

import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.config.VenueSettings;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.funding.FeeSchedule;
import java.math.BigDecimal;
import java.util.List;

/**
 * The fee schedule of this run: the seed's table, each simulated venue's own fees, then any
 * {@code perpflow.fees.<venue>.maker} / {@code .taker} override (fractions: 0.0002 = 0.02 %).
 */
public final class FeeSettings {

    private FeeSettings() {
    }

    public static FeeSchedule read(List<VenueSettings> venues, VenueRegistry registry, PropertyReader properties) {
        FeeSchedule schedule = FeeSchedule.defaults();
        for (VenueRegistry.Venue venue : registry.enabledVenues()) {
            schedule = schedule.withOverride(venue.settings().name(), venue.makerFee(), venue.takerFee());
        }
        for (VenueSettings venue : venues) {
            FeeSchedule.Fees current = schedule.feesOf(venue.name());
            BigDecimal maker = properties.decimal("perpflow.fees." + venue.name() + ".maker", current.maker());
            BigDecimal taker = properties.decimal("perpflow.fees." + venue.name() + ".taker", current.taker());
            if (!maker.equals(current.maker()) || !taker.equals(current.taker())) {
                schedule = schedule.withOverride(venue.name(), maker, taker);
            }
        }
        return schedule;
    }
}
