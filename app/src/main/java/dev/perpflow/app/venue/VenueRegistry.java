package dev.perpflow.app.venue;

import dev.perpflow.app.config.PerpflowSettings;
import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.config.VenueSettings;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.app.config.Profiles;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The venues of this run: one Camel component per enabled venue, registered under the venue's name so routes
 * address it as {@code <venue>:<operation>}, and one {@code dexes} row per configured venue.
 */
public final class VenueRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(VenueRegistry.class);

    /** An enabled venue and its component; fees are fractions (0.0002 = 0.02 %). */
    public record Venue(VenueSettings settings, ExchangeComponent component, String displayName,
            BigDecimal makerFee, BigDecimal takerFee) {
    }

    private final VenueRepository repository;
    private final Map<String, Venue> enabled;

    private VenueRegistry(VenueRepository repository, Map<String, Venue> enabled) {
        this.repository = repository;
        this.enabled = enabled;
    }

    public static VenueRegistry create(PerpflowSettings settings, PropertyReader properties, VenueRepository repository) {
        Map<String, Venue> enabled = new LinkedHashMap<>();
        boolean paper = Profiles.PAPER.equals(settings.profile());
        for (VenueSettings venue : settings.enabledVenues()) {
            enabled.put(venue.name(), venue.isSim() ? SimVenues.create(venue, properties)
                    : RealVenues.create(venue, paper, properties, System::getenv));
        }
        if (paper) {
            LOG.warn("PAPER MODE: live market data from {}; every order is simulated, nothing reaches a venue",
                    enabled.isEmpty() ? "no venue (enable one with perpflow.venues.<venue>.enabled=true)"
                            : String.join(", ", enabled.keySet()));
        }
        return new VenueRegistry(repository, enabled);
    }

    /** Adds the components to the context and records every configured venue in the database. */
    public void registerComponents(CamelContext context) throws SQLException {
        repository.deactivateAllExcept(enabled.keySet());
        for (Venue active : enabled.values()) {
            VenueSettings venue = active.settings();
            context.addComponent(venue.name(), active.component());
            repository.register(venue.name(), active.displayName(), nullIfEmpty(venue.restUrl()), true,
                    percent(active.makerFee()), percent(active.takerFee()), (int) venue.pollInterval().toSeconds());
        }
    }

    public List<Venue> enabledVenues() {
        return List.copyOf(enabled.values());
    }

    public List<String> enabledNames() {
        return List.copyOf(enabled.keySet());
    }

    /** Every enabled venue's client by venue name (created on first use). */
    public Map<String, ExchangeClient> clients() {
        Map<String, ExchangeClient> clients = new LinkedHashMap<>();
        enabled.forEach((name, venue) -> clients.put(name, venue.component().getClient()));
        return clients;
    }

    public Optional<ExchangeClient> client(String venue) {
        return Optional.ofNullable(enabled.get(venue)).map(v -> v.component().getClient());
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction.movePointRight(2);
    }

    private static String nullIfEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
