package dev.perpflow.app.venue;

import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.config.VenueSettings;
import dev.perpflow.app.startup.StartupException;
import dev.perpflow.component.aster.AsterComponent;
import dev.perpflow.component.aster.AsterConfig;
import dev.perpflow.component.aster.AsterCredentials;
import dev.perpflow.component.sim.paper.PaperExchangeClient;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.funding.FeeSchedule;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the component of a real venue from {@code perpflow.venues.<venue>.*}: its URLs, the credentials from the
 * seed's environment variables (optional: without them the venue serves public data only and trading calls fail
 * naming the missing variables) and, in paper mode, the paper engine in front of the live client.
 */
final class RealVenues {

    private static final Logger LOG = LoggerFactory.getLogger(RealVenues.class);
    private static final Duration PAPER_CHECK_PERIOD = Duration.ofSeconds(1);

    private RealVenues() {
    }

    static VenueRegistry.Venue create(VenueSettings venue, boolean paper, PropertyReader properties,
            Function<String, String> environment) {
        FeeSchedule.Fees fees = FeeSchedule.defaults().feesOf(venue.name());
        ExchangeComponent component = switch (venue.type()) {
            case "aster" -> aster(venue, paper, environment);
            default -> throw new StartupException(VenueSettings.key(venue.name(), "enabled") + "=true, but this build "
                    + "has no " + venue.name() + " component yet; set it to false (env "
                    + PropertyReader.environmentVariable(VenueSettings.key(venue.name(), "enabled")) + ")");
        };
        if (paper) {
            BigDecimal balance = properties.decimal("perpflow.paper.initial-balance", new BigDecimal("10000"));
            ExchangeClient live = component.getClient();
            component.adoptClient(new PaperExchangeClient(live, fees.maker(), fees.taker(), balance,
                    PAPER_CHECK_PERIOD, Clock.systemUTC()));
        }
        String display = displayName(venue.name()) + (paper ? " (paper)" : "");
        return new VenueRegistry.Venue(venue, component, display, fees.maker(), fees.taker());
    }

    private static ExchangeComponent aster(VenueSettings venue, boolean paper, Function<String, String> environment) {
        AsterCredentials credentials = paper ? null
                : credentials(venue, environment, "ASTER_API_KEY", "ASTER_SECRET_KEY", AsterCredentials::of);
        AsterConfig config = new AsterConfig(venue.name(), url(venue, "rest-url", venue.restUrl()),
                url(venue, "ws-url", venue.wsUrl()), credentials, Duration.ofSeconds(5), Duration.ofSeconds(10));
        return new AsterComponent(config);
    }

    /** Both variables or neither: one without the other is a setup mistake worth stopping for. */
    private static <T> T credentials(VenueSettings venue, Function<String, String> environment, String keyVariable,
            String secretVariable, java.util.function.BiFunction<String, String, T> build) {
        String key = blankToNull(environment.apply(keyVariable));
        String secret = blankToNull(environment.apply(secretVariable));
        if (key == null && secret == null) {
            LOG.info("{}: no credentials ({} / {} not set): public data only, trading calls will fail", venue.name(),
                    keyVariable, secretVariable);
            return null;
        }
        if (key == null || secret == null) {
            throw new StartupException(venue.name() + ": " + (key == null ? keyVariable : secretVariable)
                    + " is not set but " + (key == null ? secretVariable : keyVariable) + " is; set both or neither");
        }
        return build.apply(key, secret);
    }

    private static URI url(VenueSettings venue, String option, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw PropertyReader.invalid(VenueSettings.key(venue.name(), option), value, "an absolute URL");
        }
    }

    private static String displayName(String venue) {
        return Character.toUpperCase(venue.charAt(0)) + venue.substring(1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
