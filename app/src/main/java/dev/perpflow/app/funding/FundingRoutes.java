package dev.perpflow.app.funding;

import dev.perpflow.app.config.VenueSettings;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Instantiates the YAML {@code funding-collect} route template once per enabled venue once the context has
 * started (templates from {@code routes/} are loaded by then, and routes added now start at once). Each venue gets its own route, so one slow or failing
 * venue never delays another.
 */
public class FundingRoutes implements ExtendedStartupListener {

    public static final String TEMPLATE = "funding-collect";
    private static final Logger LOG = LoggerFactory.getLogger(FundingRoutes.class);

    private final List<VenueSettings> venues;

    public FundingRoutes(List<VenueSettings> venues) {
        this.venues = List.copyOf(venues);
    }

    public static String routeId(String venue) {
        return TEMPLATE + "-" + venue;
    }

    /** How many funding-collect routes are started right now. */
    public static int runningRoutes(CamelContext context) {
        return (int) context.getRoutes().stream()
                .filter(r -> r.getRouteId().startsWith(TEMPLATE + "-"))
                .filter(r -> context.getRouteController().getRouteStatus(r.getRouteId()).isStarted())
                .count();
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes added here would not be started; see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        for (VenueSettings venue : venues) {
            TemplatedRouteBuilder.builder(context, TEMPLATE)
                    .routeId(routeId(venue.name()))
                    .parameter("venue", venue.name())
                    .parameter("pollMillis", String.valueOf(venue.pollInterval().toMillis()))
                    .parameter("timeoutMillis", String.valueOf(venue.requestTimeout().toMillis()))
                    .add();
            LOG.info("Collecting funding from {} every {} s", venue.name(), venue.pollInterval().toSeconds());
        }
    }
}
