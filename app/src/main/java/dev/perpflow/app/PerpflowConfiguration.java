package dev.perpflow.app;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.ProxyRepository;
import dev.perpflow.app.accounts.AccountAccess;
import dev.perpflow.app.api.ApiKeyCheck;
import dev.perpflow.app.api.ControlApi;
import dev.perpflow.app.api.FundingRatesApi;
import dev.perpflow.app.api.HealthApi;
import dev.perpflow.app.api.HistoryApi;
import dev.perpflow.app.api.JsonResponder;
import dev.perpflow.app.api.OpportunitiesApi;
import dev.perpflow.app.api.RequestCheck;
import dev.perpflow.app.api.StrategiesApi;
import dev.perpflow.app.api.TasksApi;
import dev.perpflow.app.venue.VenueHealth;
import dev.perpflow.app.api.VenuesApi;
import dev.perpflow.app.config.PerpflowSettings;
import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.dashboard.DashboardFiles;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.execution.ExecutionCore;
import dev.perpflow.app.execution.JdbcOrderJournal;
import dev.perpflow.app.execution.DurableTradingStateStore;
import dev.perpflow.app.execution.ExecutionAlerts;
import dev.perpflow.app.execution.KillSwitch;
import dev.perpflow.app.execution.PaperTrading;
import dev.perpflow.app.events.EventMessages;
import dev.perpflow.app.events.EventOutbox;
import dev.perpflow.app.funding.FeeSettings;
import dev.perpflow.app.funding.FundingRoutes;
import dev.perpflow.app.funding.FundingStore;
import dev.perpflow.app.funding.OpportunityService;
import dev.perpflow.app.fundingarb.FundingArbRuns;
import dev.perpflow.app.fundingarb.TradeHistory;
import dev.perpflow.app.fundingarb.JdbcArbPositionStore;
import dev.perpflow.app.fundingarb.ServiceFundingView;
import dev.perpflow.app.grid.GridRuns;
import dev.perpflow.app.strategy.RunStartup;
import dev.perpflow.app.control.ControlService;
import dev.perpflow.app.json.Json;
import dev.perpflow.app.logging.LogFiles;
import dev.perpflow.app.metrics.AppMetricsSources;
import dev.perpflow.app.metrics.MeterRegistries;
import dev.perpflow.app.metrics.MetricsEndpoint;
import dev.perpflow.app.metrics.PerpflowMetrics;
import dev.perpflow.app.notifications.NotificationOutbox;
import dev.perpflow.app.persistence.Database;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingRepository;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.app.security.AppSecrets;
import dev.perpflow.app.security.FailedAttempts;
import dev.perpflow.app.security.KeyCheckPool;
import dev.perpflow.app.startup.EarlySettingsCheck;
import dev.perpflow.app.startup.PortCheck;
import dev.perpflow.app.strategy.RunGuard;
import dev.perpflow.app.strategy.RuntimeLimits;
import dev.perpflow.app.strategy.StrategyConfigRepository;
import dev.perpflow.app.strategy.StrategyRunRepository;
import dev.perpflow.app.strategy.StrategyRuntime;
import dev.perpflow.app.telegram.TelegramSetup;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.funding.FeeSchedule;
import dev.perpflow.funding.OpportunityFinder;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.RiskLimits;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
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
        ApiKeyCheck.requireUsableBootstrapKey(properties.string("perpflow.api-key", ""));
        LogFiles.attach(settings.dataDir());
        PortCheck.requireFree(settings.http());
        if (properties.bool("perpflow.ws.enabled", true)) {
            PortCheck.requireFree(settings.http().host(), properties.integer("perpflow.ws.port", 8081, 0, 65535),
                    "perpflow.ws.port (PERPFLOW_WS_PORT)");
        }
        properties.integer("perpflow.ws.heartbeat-seconds", 15, 1, 3600);

        Database database = Database.open(settings.db(), settings.dataDir());
        context.addService(new ClosingService(database), true, true);
        VenueRepository venueRepository = new VenueRepository(database.dataSource());
        FundingRepository fundingRepository = new FundingRepository(database.dataSource());

        Clock clock = Clock.systemUTC();
        AppSecrets secrets = AppSecrets.configure(settings.profile(), properties.optional("perpflow.master-key"),
                database.dataSource(), clock);
        AuditLog audit = new AuditLog(database.dataSource(), clock);

        VenueRegistry venues = VenueRegistry.create(settings, properties, venueRepository);
        venues.registerComponents(context);

        FundingQueries queries = new FundingQueries(database.dataSource());
        VenueHealth venueHealth = new VenueHealth(settings.enabledVenues(), clock);
        FeeSchedule fees = FeeSettings.read(settings.venues(), venues, properties);
        OpportunityService opportunities = new OpportunityService(new OpportunityFinder(fees), queries,
                venueRepository, venueHealth, clock);

        Registry registry = context.getRegistry();
        PrometheusMeterRegistry meterRegistry = MeterRegistries.prometheus(registry);
        PerpflowMetrics metrics = new PerpflowMetrics(meterRegistry);
        registry.bind("dataSource", database.dataSource());
        registry.bind("jackson", Json.dataFormat());
        EventOutbox events = new EventOutbox(database.dataSource());
        registry.bind("eventOutbox", events);
        registry.bind("eventMessages", new EventMessages());
        NotificationOutbox notificationOutbox = new NotificationOutbox(database.dataSource());
        registry.bind("notificationOutbox", notificationOutbox);
        registry.bind("database", database);
        registry.bind("venueRegistry", venues);
        registry.bind("opportunityService", opportunities);
        registry.bind("fundingStore", new FundingStore(venueRepository, fundingRepository, opportunities, metrics));
        // the maintenance routes put these into their SQL: whole numbers in range, or startup stops here
        properties.integer("perpflow.retention.funding-rates-days", 90, 1, 36_500);
        properties.integer("perpflow.retention.collection-logs-days", 30, 1, 36_500);
        properties.integer("perpflow.retention.events-days", 30, 1, 36_500);
        properties.integer("perpflow.market-data.stale-minutes", 10, 1, 10_080);
        registry.bind("jsonResponse", new JsonResponder());
        registry.bind("dashboardFiles", new DashboardFiles(properties.bool("perpflow.ws.enabled", true),
                properties.integer("perpflow.ws.port", 8081, 0, 65535), "/ws/events"));
        registry.bind("requestCheck", new RequestCheck());
        registry.bind("healthApi",
                new HealthApi(database, venueRepository, fundingRepository, queries, venueHealth, clock));
        registry.bind("fundingRatesApi", new FundingRatesApi(queries, venueRepository, fees, clock));
        registry.bind("historyApi", new HistoryApi(queries, venueRepository, clock));
        registry.bind("opportunitiesApi", new OpportunitiesApi(opportunities, queries));
        registry.bind("venuesApi", new VenuesApi(venueRepository, queries, venueHealth, fees));
        registry.bind("tasksApi", new TasksApi(queries, fundingRepository, () -> FundingRoutes.runningRoutes(context),
                clock));
        DurableTradingStateStore tradingStates = new DurableTradingStateStore(database.dataSource(),
                settings.dataDir().resolve("trading-states.json"));
        context.addService(new ClosingService(tradingStates), true, true);
        RiskGuard risk = new RiskGuard(new RiskLimits(
                properties.decimal("perpflow.risk.max-order-notional-usd", new BigDecimal("50000")),
                properties.integer("perpflow.risk.max-orders-per-second", 10, 1, 10_000)), tradingStates, clock);
        ExecutionCore execution = new ExecutionCore(AccountTrading.DEFAULT, venues.clients(),
                new JdbcOrderJournal(database.dataSource(), AccountTrading.DEFAULT, metrics), risk,
                new ExecutionAlerts(AccountTrading.DEFAULT, events, clock),
                Duration.ofSeconds(properties.integer("perpflow.execution.reconcile-seconds", 60, 1, 86_400)), clock,
                metrics);
        context.addService(new ClosingService(execution), true, true);
        registry.bind("executionCore", execution);

        StrategyRunRepository gridRepository = new StrategyRunRepository(database.dataSource(), "grid");
        dev.perpflow.app.strategy.JdbcMarketClaims marketClaims = new dev.perpflow.app.strategy.JdbcMarketClaims(
                database.dataSource(), clock);
        GridRuns grids = new GridRuns(context, gridRepository, venues, execution, clock,
                Duration.ofMillis(properties.integer("perpflow.grid.tick-millis", 2000, 100, 600_000)), marketClaims);
        registry.bind("gridRuns", grids);
        StrategyRunRepository arbRuns = new StrategyRunRepository(database.dataSource(), FundingArbRuns.STRATEGY);
        PaperTrading paper = new PaperTrading(venues::clients, fees, risk,
                properties.decimal("perpflow.paper.initial-balance", new BigDecimal("10000")),
                Duration.ofSeconds(properties.integer("perpflow.execution.reconcile-seconds", 60, 1, 86_400)), clock);
        context.addService(new ClosingService(paper), true, true);
        AccountTrading accountTrading = new AccountTrading(venues, execution, database.dataSource(), risk,
                () -> new AccountRepository(database.dataSource(), audit, clock),
                () -> new CredentialStore(database.dataSource(), secrets.box(), audit, clock),
                Duration.ofSeconds(properties.integer("perpflow.execution.reconcile-seconds", 60, 1, 86_400)), clock);
        accountTrading.proxies(() -> secrets.available()
                        ? new ProxyRepository(database.dataSource(), secrets.box(), audit, clock) : null, () -> audit,
                java.net.URI.create(properties.string("perpflow.proxy.check-url", "https://api.ipify.org")),
                properties.seconds("perpflow.proxy.check-seconds", Duration.ofMinutes(30), 1));
        accountTrading.alerts(account -> new ExecutionAlerts(account, events, clock));
        accountTrading.metrics(metrics);
        context.addService(new ClosingService(accountTrading), true, true);
        registry.bind("accountTrading", accountTrading);
        KillSwitch killSwitch = new KillSwitch(risk, () -> {
            java.util.List<dev.perpflow.execution.OrderGateway> gateways = new java.util.ArrayList<>();
            accountTrading.cores().forEach(core -> gateways.add(core.gateway()));
            paper.existingExecution().ifPresent(core -> gateways.add(core.gateway()));
            return gateways;
        }, () -> audit, () -> events, clock);
        registry.bind("killSwitch", killSwitch);
        BigDecimal dailyLoss = properties.decimal("perpflow.risk.max-daily-loss-usd", BigDecimal.ZERO);
        if (dailyLoss.signum() < 0) {
            throw new dev.perpflow.app.startup.StartupException("perpflow.risk.max-daily-loss-usd must be 0 (off) or "
                    + "a positive USD amount, was " + dailyLoss.toPlainString());
        }
        dev.perpflow.app.execution.DailyLossMonitor lossMonitor = new dev.perpflow.app.execution.DailyLossMonitor(
                accountTrading, account -> dailyLossLimit(properties, dailyLoss, account), killSwitch, risk,
                database.dataSource(), clock);
        killSwitch.onAccountResume(lossMonitor::rebase);
        registry.bind("dailyLossMonitor", lossMonitor);
        FundingArbRuns arbs = new FundingArbRuns(context, arbRuns, new JdbcArbPositionStore(database.dataSource()),
                venues, accountTrading, paper,
                new ServiceFundingView(opportunities, queries), fees, clock,
                Duration.ofMillis(properties.integer("perpflow.funding-arb.tick-millis", 1000, 100, 600_000)),
                marketClaims);
        context.addService(new ClosingService(arbs), true, true);
        registry.bind("fundingArbRuns", arbs);
        AccountAccess access = new AccountAccess(() -> new AccountRepository(database.dataSource(), audit, clock),
                clock.instant());
        StrategyRuntime runtime = new StrategyRuntime(List.of(arbs, grids),
                new StrategyConfigRepository(database.dataSource(), clock),
                new RunGuard(database.dataSource(), RuntimeLimits.read(properties), clock), access, audit,
                settings.dataDir().resolve("logs"), clock);
        registry.bind("strategyRuntime", runtime);
        ControlService control = new ControlService(arbs, runtime, killSwitch, access, accountTrading, audit,
                opportunities, new TradeHistory(database.dataSource()));
        registry.bind("controlService", control);
        registry.bind("strategiesApi", new StrategiesApi(grids, control));
        registry.bind("controlApi", new ControlApi(control));
        metrics.bind(new AppMetricsSources(accountTrading, risk, arbs, grids, notificationOutbox,
                () -> new AccountRepository(database.dataSource(), audit, clock)), venues.enabledNames());
        registry.bind("metricsEndpoint", new MetricsEndpoint(meterRegistry, metrics,
                properties.bool("perpflow.metrics.public", false)));
        List<RunStartup.DevRun> devRuns = new java.util.ArrayList<>();
        String devGridRun = properties.string("perpflow.grid.dev-run", "");
        if (!devGridRun.isEmpty()) {
            devRuns.add(new RunStartup.DevRun(grids, properties.string("perpflow.grid.dev-run-id", "dev-grid"),
                    Path.of(devGridRun)));
        }
        String devArbRun = properties.string("perpflow.funding-arb.dev-run", "");
        if (!devArbRun.isEmpty()) {
            devRuns.add(new RunStartup.DevRun(arbs, properties.string("perpflow.funding-arb.dev-run-id",
                    "dev-funding-arb"), Path.of(devArbRun)));
        }
        // grids first: a grid claims its market as it starts, before the first entries of a funding-arbitrage run
        context.addStartupListener(new RunStartup(List.of(grids, arbs), devRuns));
        // key checks use a pool of their own so a flood of them never takes the trading path's connections
        javax.sql.DataSource keyCheckPool = KeyCheckPool.open(database.dataSource());
        if (keyCheckPool instanceof AutoCloseable closeable && keyCheckPool != database.dataSource()) {
            context.addService(new ClosingService(closeable), true, true);
        }
        ApiKeyCheck apiKeyCheck = new ApiKeyCheck(properties.string("perpflow.api-key", ""),
                new ApiKeyRepository(keyCheckPool, new AuditLog(keyCheckPool, clock), clock),
                new FailedAttempts(properties.integer("perpflow.security.failed-key-limit", 10, 1, 100_000),
                        properties.seconds("perpflow.security.failed-key-window-seconds", Duration.ofMinutes(1), 1),
                        clock));
        registry.bind("apiKeyCheck", apiKeyCheck);
        registry.bind("eventFeed", new dev.perpflow.app.events.EventFeed(apiKeyCheck, access,
                new FailedAttempts(properties.integer("perpflow.security.failed-key-limit", 10, 1, 100_000),
                        properties.seconds("perpflow.security.failed-key-window-seconds", Duration.ofMinutes(1), 1),
                        clock),
                properties.integer("perpflow.ws.max-queued-kib", 1024, 16, 1_048_576) * 1024,
                properties.seconds("perpflow.ws.auth-timeout-seconds", Duration.ofSeconds(10), 1), clock));
        TelegramSetup.configure(context, properties, database.dataSource(), apiKeyCheck, control,
                notificationOutbox, secrets, audit, clock);
        context.addStartupListener(new FundingRoutes(settings.enabledVenues()));
    }

    /** An account's daily loss limit: its own {@code .<account>} setting, else the global one; none when 0. */
    private static java.util.Optional<dev.perpflow.risk.DailyLossLimit> dailyLossLimit(PropertyReader properties,
            BigDecimal global, String account) {
        BigDecimal limit = global;
        java.util.Optional<String> own = properties.optional("perpflow.risk.max-daily-loss-usd." + account);
        if (own.isPresent() && !own.get().isBlank()) {
            try {
                limit = new BigDecimal(own.get().strip());
            } catch (NumberFormatException e) {
                LOG.error("perpflow.risk.max-daily-loss-usd.{} is not a number ({}); using the global limit", account,
                        own.get());
            }
        }
        return limit.signum() > 0 ? java.util.Optional.of(new dev.perpflow.risk.DailyLossLimit(limit))
                : java.util.Optional.empty();
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
