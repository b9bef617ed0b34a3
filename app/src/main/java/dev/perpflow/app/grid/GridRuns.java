package dev.perpflow.app.grid;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.strategy.RunFailures;
import dev.perpflow.app.strategy.RunHost;
import dev.perpflow.app.strategy.RunRoutes;
import dev.perpflow.app.strategy.StopOutcome;
import dev.perpflow.app.strategy.StrategyRunRepository;
import dev.perpflow.risk.MarketClaims;
import dev.perpflow.app.execution.ExecutionCore;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.grid.GridConfig;
import dev.perpflow.grid.GridEngine;
import dev.perpflow.grid.GridEvent;
import dev.perpflow.grid.GridState;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Grid runs of this node: each is a {@link GridEngine} ticked by its own route, an instance of the YAML
 * {@code grid-run} template, with its state and events in the database so a restart resumes it where it was.
 */
public class GridRuns implements RunHost {

    public static final String TEMPLATE = "grid-run";
    public static final String STRATEGY = "grid";
    private static final Logger LOG = LoggerFactory.getLogger(GridRuns.class);

    private final RunRoutes routes;
    private final StrategyRunRepository repository;
    private final VenueRegistry venues;
    private final ExecutionCore execution;
    private final Clock clock;
    private final MarketClaims claims;
    private final RunFailures failures = new RunFailures();
    private final java.util.concurrent.ExecutorService crashes = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread thread = new Thread(r, "grid-crashes");
                thread.setDaemon(true);
                return thread;
            });
    private final Map<String, GridEngine> engines = new ConcurrentHashMap<>();

    public GridRuns(CamelContext context, StrategyRunRepository repository, VenueRegistry venues, ExecutionCore execution,
            Clock clock, Duration tick, MarketClaims claims) {
        this.claims = claims;
        this.routes = new RunRoutes(context, TEMPLATE, tick);
        this.repository = repository;
        this.venues = venues;
        this.execution = execution;
        this.clock = clock;
    }

    @Override
    public String strategy() {
        return STRATEGY;
    }

    @Override
    public StrategyRunRepository runs() {
        return repository;
    }

    @Override
    public void validate(Map<String, Object> config) {
        GridConfig.fromMap(config);
    }

    @Override
    public void create(String runId, Map<String, Object> config, String account, java.time.Instant now)
            throws SQLException {
        if (!account.equals(AccountTrading.DEFAULT)) {
            throw new IllegalArgumentException("grid runs trade the default account only so far");
        }
        repository.create(runId, GridConfig.fromMap(config).venue(), config, now, account);
    }

    /** Starts (or resumes, with its stored state) a grid run and its route. */
    @Override
    public synchronized void start(String runId, Map<String, Object> rawConfig) throws Exception {
        if (engines.containsKey(runId)) {
            return;
        }
        GridConfig config = GridConfig.fromMap(rawConfig);
        // one run per market and account: the venue nets a grid's and any other run's orders into one position
        claims.claim(AccountTrading.DEFAULT, config.venue(), config.ticker(), runId).ifPresent(holder -> {
            throw Refusal.conflict("grid run " + runId + " cannot trade " + config.ticker() + " on " + config.venue()
                    + ": run " + holder + " trades that market on the same account");
        });
        GridEngine engine;
        try {
            engine = newEngine(runId, rawConfig);
            repository.upsertRun(runId, config.venue(), rawConfig, clock.instant());
            engine.prepare();
        } catch (Exception e) {
            if (repository.loadState(runId).map(GridState::holdsNothing).orElse(true)) {
                claims.release(AccountTrading.DEFAULT, config.venue(), config.ticker(), runId);
            }
            throw e;
        }
        GridState state = engine.state();
        engines.put(runId, engine);
        routes.add(runId);
        LOG.info("Grid run {} {} on {} {} ({} positions tracked)", runId, state.equals(GridState.initial())
                ? "started" : "resumed", config.venue(), config.ticker(), state.tracked().size());
    }

    /**
     * Stops a run's route. Without {@code closePositions} its positions and take-profit orders stay as they are (the
     * seed's "stop only"; a later start picks them up again); with it, once the route has stopped ticking, the
     * grid's working orders are cancelled and its position is closed at market.
     */
    @Override
    public synchronized StopOutcome stop(String runId, boolean closePositions) throws Exception {
        GridEngine engine = engines.remove(runId);
        if (engine != null) {
            routes.remove(runId); // waits for a tick in flight: nothing ticks while the grid is closed
        }
        int closed = 0;
        GridEngine stopped = engine;
        try {
            if (closePositions) {
                stopped = engine != null ? engine : idleEngine(runId);
                closed = stopped.closeEverything("stopped with close_positions") ? 1 : 0;
                LOG.info("Grid run {} stopped with close: working orders cancelled{}", runId,
                        closed > 0 ? ", position closed at market" : ", no position held");
            } else if (engine != null) {
                engine.stopEntries(); // no entry left working that nothing would watch
            }
            if (stopped != null && stopped.state().holdsNothing()) {
                GridConfig config = GridConfig.fromMap(repository.findRun(runId).orElseThrow().config());
                claims.release(AccountTrading.DEFAULT, config.venue(), config.ticker(), runId);
            }
        } catch (RuntimeException e) {
            LOG.error("Grid run {} is stopped but {} failed: {}", runId, closePositions ? "closing it"
                    : "cancelling its entry", e.getMessage());
            throw Refusal.unavailable("grid run " + runId + " is stopped, but " + (closePositions ? "closing"
                    : "cancelling its working entry") + " failed (" + e.getMessage() + "): orders may still be on "
                    + "the venue; stop it with close_positions=true to clean up");
        } finally {
            repository.markStatus(runId, "stopped", null, clock.instant());
        }
        return StopOutcome.stopped(closed);
    }

    /** An engine over a stopped run's stored state, for closing what it left on the venue. */
    private GridEngine idleEngine(String runId) throws Exception {
        StrategyRunRepository.StoredRun run = repository.findRun(runId)
                .orElseThrow(() -> Refusal.notFound("no strategy run '" + runId + "'"));
        return newEngine(runId, run.config());
    }

    /** An engine for the run over its stored state (a fresh state for a new run). */
    private GridEngine newEngine(String runId, Map<String, Object> rawConfig) throws Exception {
        GridConfig config = GridConfig.fromMap(rawConfig);
        ExchangeClient client = venues.client(config.venue()).orElseThrow(() -> new IllegalArgumentException(
                "grid run " + runId + ": venue " + config.venue() + " is not enabled"));
        Instrument instrument = client.instruments().get(15, TimeUnit.SECONDS).stream()
                .filter(i -> i.symbol().equals(config.ticker())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("grid run " + runId + ": " + config.venue()
                        + " has no market " + config.ticker()));
        GridState state = repository.loadState(runId).orElse(GridState.initial());
        return new GridEngine(runId, config, instrument, client, execution.gateway(), clock, state,
                event -> record(runId, event), next -> repository.saveState(runId, next, clock.instant()));
    }

    /** Route step: one tick of one run; a failing tick is recorded and retried at the next one. */
    public void tick(@Header("PerpRunId") String runId) {
        GridEngine engine = engines.get(runId);
        if (engine == null) {
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("strategy", runId)) {
            engine.tick();
            failures.succeeded(runId);
        } catch (RuntimeException e) {
            LOG.warn("Grid run {} tick failed: {}", runId, e.getMessage());
            record(runId, new GridEvent(clock.instant(), "tick_error", GridEvent.Level.ERROR, String.valueOf(
                    e.getMessage()), Map.of()));
            failures.failed(runId, String.valueOf(e.getMessage()));
        }
    }

    /** The run crashed: its route stops (off the tick's own thread) and it is marked {@code error} with the reason. */
    @Override
    public void crash(String runId, String reason) {
        crashes.execute(() -> {
            synchronized (this) {
                try {
                    if (engines.remove(runId) != null) {
                        routes.remove(runId);
                    }
                    repository.markStatus(runId, "error", reason, clock.instant());
                    LOG.error("Grid run {} crashed: {}", runId, reason);
                } catch (Exception e) {
                    LOG.error("Grid run {} crashed and could not be stopped cleanly", runId, e);
                }
            }
        });
    }

    @Override
    public RunFailures failures() {
        return failures;
    }

    /** Ids of the grid runs running on this node. */
    @Override
    public java.util.List<String> runningIds() {
        return java.util.List.copyOf(engines.keySet());
    }

    /** Resumes every grid run the database says was running (called once the context has started). */
    @Override
    public void resumeRunning() throws Exception {
        for (StrategyRunRepository.StoredRun run : repository.runningRuns()) {
            try {
                start(run.id(), run.config());
            } catch (Exception e) {
                LOG.error("Grid run {} could not be resumed: {}", run.id(), e.getMessage());
                repository.markStatus(run.id(), "error", e.getMessage(), clock.instant());
            }
        }
    }

    /** The seed's {@code get_status} fields for {@code GET /api/v1/strategies/{id}}. */
    public Map<String, Object> status(String runId) throws SQLException {
        GridEngine engine = engines.get(runId);
        StrategyRunRepository.StoredRun run = repository.findRun(runId)
                .orElseThrow(() -> Refusal.notFound("no strategy run '" + runId + "'"));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", run.id());
        status.put("strategy", "grid");
        status.put("status", engine != null ? run.status() : "stopped".equals(run.status()) ? "stopped" : "inactive");
        status.put("venue", run.venue());
        GridState state = engine != null ? engine.state() : repository.loadState(runId).orElse(GridState.initial());
        status.put("cycle_state", state.cycle().name().toLowerCase(java.util.Locale.ROOT));
        // take-profit closes working at the venue, plus the entry while one rests
        status.put("active_orders", state.lastActiveCloses()
                + (state.cycle() == GridState.GridCycle.WAITING_FOR_FILL ? 1 : 0));
        status.put("tracked_positions", state.tracked().size());
        status.put("active_close_amount", state.trackedSize());
        status.put("last_order_time", state.lastEntryAt());
        status.put("paused", state.paused());
        status.put("stopped", state.stopped());
        if (engine != null) {
            Position position = venues.client(run.venue()).flatMap(c -> {
                try {
                    return c.positions().get(10, TimeUnit.SECONDS).stream()
                            .filter(p -> p.symbol().equals(run.config().getOrDefault("ticker", "").toString()
                                    .toUpperCase(java.util.Locale.ROOT))).findFirst();
                } catch (Exception e) {
                    return java.util.Optional.empty();
                }
            }).orElse(null);
            status.put("position", position == null ? 0 : position.quantity());
            status.put("margin_used", position == null ? 0 : position.margin());
            status.put("funding_accrued", engine.fundingAccrued());
        }
        status.put("margin_limit", run.config().get("max_margin_usd"));
        status.put("parameters", run.config());
        return status;
    }

    public GridEngine engine(String runId) {
        return engines.get(runId);
    }

    /** The run's event log, and the event published from it (grid warnings reach the owner on Telegram). */
    private void record(String runId, GridEvent event) {
        repository.appendEvent(runId, event);
        if (event.level() != GridEvent.Level.INFO) {
            LOG.warn("[{}] {}: {}", runId, event.type(), event.message());
        }
    }
}
