package dev.perpflow.app.strategy;

import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.api.AccountAccess;
import dev.perpflow.app.api.NotFoundException;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.fundingarb.FundingArbRuns;
import dev.perpflow.app.grid.GridRuns;
import dev.perpflow.app.logging.RunLogFiles;
import dev.perpflow.config.ConfigException;
import dev.perpflow.fundingarb.FundingArbConfig;
import dev.perpflow.grid.GridConfig;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strategy runtime (what replaced the seed's Supervisor processes): runs are route-template instances inside
 * the app, created from a config (YAML, the API or a saved config), started under the {@link RunGuard}'s limits,
 * stopped with or without closing positions, resumed, listed, and their logs read; every start and stop is audited.
 * A run that crashes goes to {@code error} with its reason and a notification, and the others go on. REST and
 * Telegram both act through this class, always as a {@link Principal} limited to the accounts it may use.
 */
public final class StrategyRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(StrategyRuntime.class);

    /** A run as lists show it. */
    public record RunView(String id, String strategy, String status, String account, String venue, Instant startedAt,
            String startedBy, String error, Instant lastHeartbeat) {
    }

    private final FundingArbRuns arbs;
    private final GridRuns grids;
    private final StrategyRunRepository gridRuns;
    private final StrategyConfigRepository configs;
    private final RunGuard guard;
    private final AccountAccess access;
    private final AuditLog audit;
    private final Path logDir;
    private final Clock clock;

    public StrategyRuntime(FundingArbRuns arbs, GridRuns grids, StrategyRunRepository gridRuns,
            StrategyConfigRepository configs, RunGuard guard, AccountAccess access, AuditLog audit,
            Path logDir, Clock clock) {
        this.arbs = arbs;
        this.grids = grids;
        this.gridRuns = gridRuns;
        this.configs = configs;
        this.guard = guard;
        this.access = access;
        this.audit = audit;
        this.logDir = logDir;
        this.clock = clock;
        arbs.failures().onCrash(this::crashedArb);
        grids.failures().onCrash(this::crashedGrid);
    }

    public RunGuard guard() {
        return guard;
    }

    public StrategyConfigRepository configs() {
        return configs;
    }

    /** Validates and stores a run (not started); bad config → {@link IllegalArgumentException} naming every bad key. */
    public RunView create(Principal caller, String id, String strategy, Map<String, Object> config, String account)
            throws SQLException {
        String runId = id == null ? strategy.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8) : id;
        if (!runId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("id must be 1-64 letters, digits, '-' or '_'");
        }
        try {
            switch (strategy) {
                case FundingArbRuns.STRATEGY -> {
                    FundingArbConfig.fromMap(config);
                    arbs.runs().create(runId, String.valueOf(config.get("scan_exchanges")), config, clock.instant(),
                            account);
                }
                case "grid" -> {
                    if (!account.equals(AccountTrading.DEFAULT)) {
                        throw new IllegalArgumentException("grid runs trade the default account only so far");
                    }
                    gridRuns.create(runId, GridConfig.fromMap(config).venue(), config, clock.instant(), account);
                }
                default -> throw new IllegalArgumentException("strategy must be funding_arbitrage or grid, not '"
                        + strategy + "'");
            }
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        audit.record(caller.username(), "strategy_created", runId, Map.of("strategy", strategy, "account", account));
        return view(runId).orElseThrow();
    }

    /** Starts (or resumes) a run within the caller's limits. */
    public RunView start(Principal caller, String runId) throws Exception {
        StrategyRunRepository.StoredRun run = requireRun(caller, runId);
        if ("running".equals(run.status()) && isLive(runId)) {
            return view(runId).orElseThrow();
        }
        guard.check(caller);
        if (arbs.runs().findRun(runId).isPresent()) {
            arbs.runs().startedBy(runId, caller.username());
            arbs.start(runId, run.config());
        } else {
            gridRuns.startedBy(runId, caller.username());
            grids.start(runId, run.config());
        }
        audit.record(caller.username(), "strategy_started", runId, Map.of("account", run.account()));
        return view(runId).orElseThrow();
    }

    /** Creates a run from a saved config for an account and starts it. */
    public RunView startSaved(Principal caller, long configId, String account) throws Exception {
        StrategyConfigRepository.SavedConfig saved = configs.find(configId)
                .filter(c -> caller.admin() || c.owner().equals(caller.username()))
                .orElseThrow(() -> new NotFoundException("no saved config " + configId));
        String runId = saved.name().replaceAll("[^A-Za-z0-9_-]", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        guard.check(caller);
        create(caller, runId, saved.strategy(), saved.config(), account);
        StrategyRunRepository repository = saved.strategy().equals("grid") ? gridRuns : arbs.runs();
        repository.configId(runId, saved.id());
        try {
            return start(caller, runId);
        } catch (Exception e) {
            // one call made it and one call failed: leave nothing behind that never traded
            if (!isLive(runId) && repository.deleteUntraded(runId)) {
                audit.record(caller.username(), "strategy_removed", runId, Map.of("reason",
                        "its start failed: " + String.valueOf(e.getMessage())));
            }
            throw e;
        }
    }

    /**
     * Stops a run's entries; with {@code closePositions} a funding-arbitrage run closes its positions at market
     * first. A run still holding positions afterwards is {@code stopping} and keeps closing them until flat.
     */
    public FundingArbRuns.StopOutcome stop(Principal caller, String runId, boolean closePositions) throws Exception {
        requireRun(caller, runId);
        FundingArbRuns.StopOutcome outcome;
        if (arbs.runs().findRun(runId).isPresent()) {
            outcome = arbs.stop(runId, closePositions);
        } else {
            grids.stop(runId);
            outcome = new FundingArbRuns.StopOutcome("stopped", 0, List.of());
        }
        audit.record(caller.username(), "strategy_stopped", runId, Map.of("close_positions", closePositions,
                "closed", outcome.closed(), "still_held", outcome.remaining().size()));
        return outcome;
    }

    /** Runs the caller may see: {@code running}, {@code stopped} (stopped or error) or {@code all}. */
    public List<RunView> list(Principal caller, String filter) throws SQLException {
        List<RunView> views = new ArrayList<>();
        for (StrategyRunRepository repository : List.of(arbs.runs(), gridRuns)) {
            for (StrategyRunRepository.StoredRun run : repository.all()) {
                if (!access.canUse(caller, run.account())) {
                    continue;
                }
                RunView view = toView(repository.strategy(), run);
                boolean running = view.status().equals("running");
                if ("all".equals(filter) || filter == null || (filter.equals("running") == running)) {
                    views.add(view);
                }
            }
        }
        return views;
    }

    /** The last lines of a run's own log. */
    public List<String> logs(Principal caller, String runId, int lines) throws SQLException {
        requireRun(caller, runId);
        return RunLogFiles.tail(logDir, runId, Math.max(1, Math.min(lines, 500)));
    }

    /** Timer step: writes the heartbeat of every run running on this node. */
    public void heartbeat() throws SQLException {
        Instant now = clock.instant();
        arbs.runs().heartbeat(arbs.runningIds(), now);
        gridRuns.heartbeat(grids.runningIds(), now);
    }

    public Optional<RunView> view(String runId) throws SQLException {
        Optional<StrategyRunRepository.StoredRun> arb = arbs.runs().findRun(runId);
        if (arb.isPresent()) {
            return Optional.of(toView(FundingArbRuns.STRATEGY, arb.get()));
        }
        return gridRuns.findRun(runId).map(run -> toView("grid", run));
    }

    private StrategyRunRepository.StoredRun requireRun(Principal caller, String runId) throws SQLException {
        Optional<StrategyRunRepository.StoredRun> run = arbs.runs().findRun(runId).or(() -> {
            try {
                return gridRuns.findRun(runId);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (run.isEmpty()) {
            throw new NotFoundException("no strategy run '" + runId + "'");
        }
        if (!access.canUse(caller, run.get().account())) {
            throw new RunForbiddenException(runId);
        }
        return run.get();
    }

    private boolean isLive(String runId) {
        return arbs.runningIds().contains(runId) || grids.runningIds().contains(runId);
    }

    private RunView toView(String strategy, StrategyRunRepository.StoredRun run) {
        String status = run.status();
        if ("running".equals(status) && !isLive(run.id())) {
            status = "starting"; // stored as running, not (yet) running on this node: a restart is resuming it
        }
        return new RunView(run.id(), strategy, status, run.account(), run.venue(), run.startedAt(), run.startedBy(),
                run.errorMessage(), run.lastHeartbeat());
    }

    private void crashedArb(String runId, String reason) {
        arbs.crash(runId, reason);
        notifyCrash(runId, reason);
    }

    private void crashedGrid(String runId, String reason) {
        grids.crash(runId, reason);
        notifyCrash(runId, reason);
    }

    private void notifyCrash(String runId, String reason) {
        try {
            audit.record("runtime", "strategy_crashed", runId, Map.of("reason", reason));
        } catch (RuntimeException e) {
            LOG.error("Run {} crashed ({}) and the notification could not be stored", runId, reason, e);
        }
    }

    /** A run that belongs to an account the caller may not use. */
    public static final class RunForbiddenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public RunForbiddenException(String runId) {
            super("strategy run '" + runId + "' belongs to another user's account");
        }
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
