package dev.perpflow.app;

import dev.perpflow.app.api.FundingRatesApi;
import dev.perpflow.app.api.HealthApi;
import dev.perpflow.app.api.JsonResponder;
import dev.perpflow.app.api.TasksApi;
import dev.perpflow.app.api.VenueHealth;
import dev.perpflow.app.api.VenuesApi;
import dev.perpflow.app.config.PerpflowSettings;
import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.funding.FundingRoutes;
import dev.perpflow.app.funding.FundingStore;
import dev.perpflow.app.funding.Maintenance;
import dev.perpflow.app.logging.LogFiles;
import dev.perpflow.app.persistence.Database;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingRepository;
import dev.perpflow.app.persistence.MaintenanceRepository;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.app.startup.PortCheck;
import dev.perpflow.app.startup.EarlySettingsCheck;
import dev.perpflow.app.venue.VenueRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the application: validates the settings, opens and migrates the database, registers the venue
 * components and binds the beans the YAML routes refer to. Runs before any route is loaded, so a bad setting
 * stops startup before anything is started.
 */
public class PerpflowConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PerpflowConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertyReader properties = new PropertyReader(key -> context.getPropertiesComponent().resolveProperty(key));
        PerpflowSettings settings = PerpflowSettings.read(context.getCamelContextExtension().getProfile(), properties);
        LOG.info("perpflow starting with profile {}; data dir {}", settings.profile(), settings.dataDir());
        if (!Files.isDirectory(settings.routesDir())) {
            throw EarlySettingsCheck.routesDirMissing(settings);
        }
        LogFiles.attach(settings.dataDir());
        PortCheck.requireFree(settings.http());

        Database database = Database.open(settings.db(), settings.dataDir());
        context.addService(new ClosingService(database), true, true);
        VenueRepository venueRepository = new VenueRepository(database.dataSource());
        FundingRepository fundingRepository = new FundingRepository(database.dataSource());

        VenueRegistry venues = VenueRegistry.create(settings, properties, venueRepository);
        venues.registerComponents(context);

        context.getRegistry().bind("dataSource", database.dataSource());
        context.getRegistry().bind("database", database);
        context.getRegistry().bind("venueRegistry", venues);
        context.getRegistry().bind("fundingStore", new FundingStore(venueRepository, fundingRepository));
        bindApi(context, settings, database, venueRepository, fundingRepository);
        context.getRegistry().bind("maintenance", new Maintenance(new MaintenanceRepository(database.dataSource()),
                Duration.ofDays(properties.integer("perpflow.retention.funding-rates-days", 90, 1, 36_500)),
                Duration.ofDays(properties.integer("perpflow.retention.collection-logs-days", 30, 1, 36_500)),
                Duration.ofMinutes(properties.integer("perpflow.market-data.stale-minutes", 10, 1, 10_080)),
                Clock.systemUTC()));
        context.addStartupListener(new FundingRoutes(settings.enabledVenues()));
    }

    private static void bindApi(CamelContext context, PerpflowSettings settings, Database database,
            VenueRepository venueRepository, FundingRepository fundingRepository) {
        Clock clock = Clock.systemUTC();
        FundingQueries queries = new FundingQueries(database.dataSource());
        VenueHealth venueHealth = new VenueHealth(settings.enabledVenues(), clock);
        context.getRegistry().bind("jsonResponse", new JsonResponder());
        context.getRegistry().bind("healthApi",
                new HealthApi(database, venueRepository, fundingRepository, queries, venueHealth, clock));
        context.getRegistry().bind("fundingRatesApi", new FundingRatesApi(queries, venueRepository, clock));
        context.getRegistry().bind("venuesApi", new VenuesApi(venueRepository, queries, venueHealth));
        context.getRegistry().bind("tasksApi", new TasksApi(queries, fundingRepository,
                () -> FundingRoutes.runningRoutes(context), clock));
    }

    /** Closes a resource when the context stops (after the routes that use it). */
    private static final class ClosingService extends ServiceSupport {
        private final AutoCloseable resource;

        ClosingService(AutoCloseable resource) {
            this.resource = resource;
        }

        @Override
        protected void doStop() throws Exception {
            resource.close();
        }
    }
}
