package dev.perpflow.app.venue;

import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.config.VenueSettings;
import dev.perpflow.component.sim.SimComponent;
import dev.perpflow.component.sim.SimVenueConfig;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Builds a simulated venue from {@code perpflow.venues.<name>.*}: seed, funding interval, bias and settlement
 * period, fees and latency (see the README's configuration table).
 */
final class SimVenues {

    private SimVenues() {
    }

    static VenueRegistry.Venue create(VenueSettings venue, PropertyReader properties) {
        String name = venue.name();
        SimVenueConfig config = SimVenueConfig.defaults(name,
                properties.longValue(VenueSettings.key(name, "seed"), name.hashCode(), Long.MIN_VALUE, Long.MAX_VALUE));
        int intervalHours = properties.integer(VenueSettings.key(name, "funding-interval-hours"), 8, 1, 8);
        if (intervalHours != 1 && intervalHours != 4 && intervalHours != 8) {
            throw PropertyReader.invalid(VenueSettings.key(name, "funding-interval-hours"),
                    String.valueOf(intervalHours), "1, 4 or 8");
        }
        config = config.withFundingIntervalHours(intervalHours)
                .withFundingBias(properties.decimal(VenueSettings.key(name, "funding-bias"), BigDecimal.ZERO))
                .withFees(properties.decimal(VenueSettings.key(name, "maker-fee"), config.makerFee()),
                        properties.decimal(VenueSettings.key(name, "taker-fee"), config.takerFee()))
                .withLatency(Duration.ofMillis(properties.integer(VenueSettings.key(name, "latency-ms"), 0, 0, 60_000)),
                        Duration.ofMillis(properties.integer(VenueSettings.key(name, "jitter-ms"), 0, 0, 60_000)));
        long settlementSeconds = properties.longValue(VenueSettings.key(name, "funding-settlement-seconds"), 0, 0,
                Long.MAX_VALUE / 1000);
        if (settlementSeconds > 0) {
            config = config.withSettlementPeriod(Duration.ofSeconds(settlementSeconds));
        }
        return new VenueRegistry.Venue(venue, new SimComponent(config), "Simulated (" + name + ")", config.makerFee(),
                config.takerFee());
    }
}
