package dev.perpflow.app.fundingarb;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.config.YamlMaps;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.execution.ExecutionCore;
import dev.perpflow.app.execution.PaperTrading;
import dev.perpflow.app.strategy.RunFailures;
import dev.perpflow.app.strategy.RunHost;
import dev.perpflow.app.strategy.RunRoutes;
import dev.perpflow.app.strategy.StopOutcome;
import dev.perpflow.app.strategy.StrategyRunRepository;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.execution.AtomicExecutor;
import dev.perpflow.execution.AtomicSettings;
import dev.perpflow.execution.ExecutorSettings;
import dev.perpflow.execution.OrderExecutor;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.funding.FeeSchedule;
import dev.perpflow.app.strategy.JdbcMarketClaims;
import dev.perpflow.fundingarb.ArbEvent;
import dev.perpflow.fundingarb.ArbPosition;
import dev.perpflow.fundingarb.ExitReasons;
import dev.perpflow.risk.MarketClaims;
import dev.perpflow.fundingarb.FundingArbConfig;
import dev.perpflow.fundingarb.FundingArbEngine;
import dev.perpflow.fundingarb.FundingView;
import dev.perpflow.risk.TradingState;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Funding-arbitrage runs of this node: each is a {@link FundingArbEngine} ticked by its own route, an instance of
 * the YAML {@code funding-arb-run} template (through the plain {@code funding-arb-tick} route), and told to scan when
 * the opportunities change ({@code funding-arb-entries}); its config and status live in {@code strategy_runs}, its positions in
 * {@code strategy_positions}, so a restart resumes it (settling anything interrupted before any new entry).
 *
 * <p>Stopping means "no new entries", never "stop watching": a run that still holds positions is {@code stopping}
 * — its route keeps monitoring and closing them (a stop with close closes them first, and what does not close is
 * retried) — and becomes {@code stopped} once it holds nothing. A restart resumes stopping runs as stopping.
 */
public class FundingArbRuns implements RunHost, AutoCloseable {

    public static final String TEMPLATE = "funding-arb-run";
    public static final String STRATEGY = "funding_arbitrage";
    private static final Logger LOG = LoggerFactory.getLogger(FundingArbRuns.class);

    private final RunRoutes routes;
    private final StrategyRunRepository runs;
    private final JdbcArbPositionStore positions;
    private final VenueRegistry venues;
    private final FundingView funding;
    private final FeeSchedule fees;
    private final Clock clock;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "funding-arb-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, FundingArbEngine> engines = new ConcurrentHashMap<>();
    private final PaperTrading paper;
    private final RunFailures failures = new RunFailures();
    private final AccountTrading accounts;
    private final Map<String, java.nio.file.Path> sources = new ConcurrentHashMap<>();
    private final MarketClaims claims;

    public FundingArbRuns(CamelContext context, StrategyRunRepository runs, JdbcArbPositionStore positions,
            VenueRegistry venues, AccountTrading accounts, PaperTrading paper,
            FundingView funding, FeeSchedule fees, Clock clock, Duration tick, MarketClaims claims) {
        this.claims = claims;
        this.paper = paper;
        this.accounts = accounts;
        this.routes = new RunRoutes(context, TEMPLATE, tick);
        this.runs = runs;
        this.positions = positions;
        this.venues = venues;
        this.funding = funding;
        this.fees = fees;
        this.clock = clock;
    }

    @Override
    public String strategy() {
        return STRATEGY;
    }

    @Override
    public void validate(Map<String, Object> config) {
        FundingArbConfig.fromMap(config);
    }

    @Override
    public void create(String runId, Map<String, Object> config, String account, java.time.Instant now)
            throws SQLException {
        validate(config);
        runs.create(runId, String.valueOf(config.get("scan_exchanges")), config, now, account);
    }

    /** Validates a config and starts (or resumes) the run; a bad config changes nothing and says why. */
    @Override
    public synchronized void start(String runId, Map<String, Object> rawConfig) throws Exception {
        FundingArbEngine running = engines.get(runId);
        if (running != null) {
            if (running.entriesStopped()) {
                // a stopping run started again: it enters again
                engines.remove(runId);
                routes.remove(runId);
            } else {
                return;
            }
        }
        FundingArbConfig config = FundingArbConfig.fromMap(rawConfig);
        // the run's account decides the clients and the execution core; dry_run trades paper accounts instead
        String account = runs.findRun(runId).map(StrategyRunRepository.StoredRun::account)
                .orElse(AccountTrading.DEFAULT);
        AccountTrading.Trading trading = config.dryRun()
                ? new AccountTrading.Trading(account + " (paper)", paper.clients(), Map.of(), paper.execution())
                : accounts.of(account);
        ExecutionCore core = trading.execution();
        Map<String, ExchangeClient> clients = new LinkedHashMap<>();
        for (String venue : config.scanExchanges()) {
            clients.put(venue, trading.client(venue, venues.enabledNames()));
        }
        OrderExecutor orders = new OrderExecutor(core.gateway(), clients, ExecutorSettings.seed(), workers);
        AtomicExecutor atomic = new AtomicExecutor(orders, clients, AtomicSettings.seed(), workers);
        runs.upsertRun(runId, String.join(",", config.scanExchanges()), rawConfig, clock.instant());
        FundingArbEngine engine = new FundingArbEngine(runId, config, clients, atomic, orders, core.gateway(),
                positions, funding, fees, clock, event -> record(runId, event),
                () -> core.gateway().tradingState() == TradingState.ACTIVE, claims);
        engines.put(runId, engine);
        routes.add(runId);
        LOG.info("Funding-arbitrage run {} of account {} started on {}{}", runId, trading.account(),
                config.scanExchanges(), config.dryRun() ? " (dry run: paper accounts, no order reaches a venue)" : "");
    }

    /**
     * Stops a run's entries; with {@code closePositions} its positions are closed at market first. A run that
     * still holds positions afterwards is {@code stopping}: it keeps watching and closing them until flat.
     */
    @Override
    public synchronized StopOutcome stop(String runId, boolean closePositions) throws Exception {
        FundingArbEngine engine = engines.get(runId);
        runs.findRun(runId).orElseThrow(() -> Refusal.notFound("no funding-arbitrage run '" + runId + "'"));
        if (engine == null) {
            List<ArbPosition> held = positions.active(runId);
            runs.markStatus(runId, held.isEmpty() ? "stopped" : "stopping", null, clock.instant());
            return new StopOutcome(held.isEmpty() ? "stopped" : "stopping", 0, held, false);
        }
        engine.stopEntries();
        int closed = 0;
        List<ArbPosition> remaining = engine.activePositions();
        if (closePositions) {
            FundingArbEngine.StopResult result = engine.closeAll(ExitReasons.STOP_WITH_CLOSE);
            closed = result.closed();
            remaining = result.remaining();
        }
        if (remaining.isEmpty()) {
            finish(runId);
            LOG.info("Funding-arbitrage run {} stopped{}", runId, closePositions ? " (" + closed + " position(s) closed)"
                    : "");
            return StopOutcome.stopped(closed);
        }
        runs.markStatus(runId, "stopping", null, clock.instant());
        LOG.warn("Funding-arbitrage run {} stops entering; it still holds {} position(s) ({}) and keeps watching{} "
                + "them until flat", runId, remaining.size(), remaining.stream().map(p -> p.symbol() + " "
                + p.status().name().toLowerCase(java.util.Locale.ROOT)).toList(), closePositions ? " and closing" : "");
        return new StopOutcome("stopping", closed, remaining, false);
    }

    /** A stopped run holding nothing: its route goes, its claims are released, it is marked stopped. */
    private void finish(String runId) throws Exception {
        engines.remove(runId);
        routes.remove(runId);
        if (claims instanceof JdbcMarketClaims stored) {
            stored.releaseAll(runId);
        }
        runs.markStatus(runId, "stopped", null, clock.instant());
    }

    /** Route step: one tick of one run; a failing tick is logged and retried at the next one. */
    public void tick(@Header("PerpRunId") String runId) {
        FundingArbEngine engine = engines.get(runId);
        if (engine == null) {
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("strategy", runId)) {
            engine.tick();
            failures.succeeded(runId);
            if (engine.entriesStopped() && !engine.hasActivePositions()) {
                workers.execute(() -> finishStopping(runId, engine));
            }
        } catch (RuntimeException e) {
            LOG.warn("Funding-arbitrage run {} tick failed: {}", runId, e.getMessage());
            record(runId, new ArbEvent(clock.instant(), "tick_error", ArbEvent.Level.ERROR, null,
                    String.valueOf(e.getMessage()), Map.of()));
            failures.failed(runId, String.valueOf(e.getMessage()));
        }
    }

    /** Route step ({@code funding-arb-entries}): the opportunities changed, so every run scans at its next tick. */
    public void opportunitiesChanged() {
        engines.values().forEach(FundingArbEngine::requestScan);
    }

    /** A stopping run became flat: it is stopped (off the tick's own thread, which the route removal would stop). */
    private synchronized void finishStopping(String runId, FundingArbEngine engine) {
        if (engines.get(runId) != engine || engine.hasActivePositions()) {
            return;
        }
        try {
            finish(runId);
            LOG.info("Funding-arbitrage run {} is flat and stopped", runId);
        } catch (Exception e) {
            LOG.error("Funding-arbitrage run {} could not be stopped cleanly", runId, e);
        }
    }

    /**
     * The run crashed: it is marked {@code error} with the reason. A run that holds nothing stops (off the tick's own
     * thread); one that still holds positions makes no new entries but keeps watching and closing them.
     */
    @Override
    public void crash(String runId, String reason) {
        workers.execute(() -> {
            synchronized (this) {
                try {
                    FundingArbEngine engine = engines.get(runId);
                    if (engine != null && engine.hasActivePositions()) {
                        engine.stopEntries();
                        runs.markStatus(runId, "error", reason, clock.instant());
                        LOG.error("Funding-arbitrage run {} failed ({}); it makes no new entries and keeps watching "
                                + "its {} position(s)", runId, reason, engine.activePositions().size());
                        return;
                    }
                    if (engines.remove(runId) != null) {
                        routes.remove(runId);
                    }
                    runs.markStatus(runId, "error", reason, clock.instant());
                    LOG.error("Funding-arbitrage run {} crashed: {}", runId, reason);
                } catch (Exception e) {
                    LOG.error("Funding-arbitrage run {} crashed and could not be stopped cleanly", runId, e);
                }
            }
        });
    }

    @Override
    public RunFailures failures() {
        return failures;
    }

    /** Resumes every run the database says was running. */
    @Override
    public void resumeRunning() throws Exception {
        for (StrategyRunRepository.StoredRun run : runs.runningRuns()) {
            try {
                start(run.id(), run.config());
                if ("stopping".equals(run.status())) {
                    engines.get(run.id()).stopEntries();
                    runs.markStatus(run.id(), "stopping", null, clock.instant());
                }
            } catch (Exception e) {
                LOG.error("Funding-arbitrage run {} could not be resumed: {}", run.id(), e.getMessage());
                runs.markStatus(run.id(), "error", e.getMessage(), clock.instant());
            }
        }
    }

    /** Replaces a running run's config (validated first; a bad config leaves the old one in place). */
    public synchronized void reload(String runId, Map<String, Object> rawConfig) throws SQLException {
        FundingArbEngine engine = engines.get(runId);
        if (engine == null) {
            throw Refusal.unavailable("funding-arbitrage run '" + runId + "' is not running");
        }
        FundingArbConfig config = FundingArbConfig.fromMap(rawConfig);
        if (!config.scanExchanges().equals(engine.config().scanExchanges())) {
            throw new IllegalArgumentException("scan_exchanges cannot change on reload (was "
                    + engine.config().scanExchanges() + "); stop and start the run instead");
        }
        engine.reload(config);
        runs.upsertRun(runId, String.join(",", config.scanExchanges()), rawConfig, clock.instant());
    }

    /** Starts a run whose config is a YAML file; {@code POST /config/reload} re-reads that file. */
    @Override
    public void startFromFile(String runId, java.nio.file.Path file) throws Exception {
        sources.put(runId, file);
        start(runId, YamlMaps.read(file, "strategy config"));
    }

    /** The config as its source file says now, for runs started from a file. */
    public Optional<Map<String, Object>> sourceConfig(String runId) {
        java.nio.file.Path file = sources.get(runId);
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(YamlMaps.read(file, "strategy config"));
    }

    public Optional<FundingArbEngine> engine(String runId) {
        return Optional.ofNullable(engines.get(runId));
    }

    @Override
    public List<String> runningIds() {
        return List.copyOf(engines.keySet());
    }

    public JdbcArbPositionStore positions() {
        return positions;
    }

    @Override
    public StrategyRunRepository runs() {
        return runs;
    }

    private void record(String runId, ArbEvent event) {
        runs.appendEvent(runId, event.time(), event.type(), event.level().name(), event.symbol(), event.message(),
                event.details());
        if (event.level() != ArbEvent.Level.INFO) {
            LOG.warn("[{}] {}: {}", runId, event.type(), event.message());
        } else {
            LOG.info("[{}] {}", runId, event.message());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
