package dev.perpflow.app.strategy;

import dev.perpflow.app.accounts.AccountAccess;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.logging.RunLogFiles;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strategy runtime (what replaced the seed's Supervisor processes): runs are route instances inside the app,
 * created from a config (YAML, the API or a saved config), started under the {@link RunGuard}'s limits, stopped with
 * or without closing positions, resumed, listed, and their logs read; every start and stop is audited. A run that
 * crashes goes to {@code error} with its reason and a notification, and the others go on. Every strategy is a
 * {@link RunHost} and is driven the same way. The control service acts through this class, always as a
 * {@link Principal} limited to the accounts it may use: a run of another user's account is refused as forbidden.
 */
public final class StrategyRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(StrategyRuntime.class);

    /** A run as lists show it. */
    public record RunView(String id, String strategy, String status, String account, String venue, Instant startedAt,
            String startedBy, String error, Instant lastHeartbeat) {
    }

    private final Map<String, RunHost> hosts = new LinkedHashMap<>();
    private final StrategyConfigRepository configs;
    private final RunGuard guard;
    private final AccountAccess access;
    private final AuditLog audit;
    private final Path logDir;
    private final Clock clock;

    public StrategyRuntime(List<RunHost> hosts, StrategyConfigRepository configs, RunGuard guard,
            AccountAccess access, AuditLog audit, Path logDir, Clock clock) {
        for (RunHost host : hosts) {
            this.hosts.put(host.strategy(), host);
            host.failures().onCrash((runId, reason) -> crashed(host, runId, reason));
        }
        this.configs = configs;
        this.guard = guard;
        this.access = access;
        this.audit = audit;
        this.logDir = logDir;
        this.clock = clock;
    }

    public RunGuard guard() {
        return guard;
    }

    public StrategyConfigRepository configs() {
        return configs;
    }

    /** Names of the strategies this node runs. */
    public List<String> strategies() {
        return List.copyOf(hosts.keySet());
    }

    /** Checks a strategy's config key by key; refused as invalid, naming every bad key. */
    public void validate(String strategy, Map<String, Object> config) {
        try {
            host(strategy).validate(config);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Refusal.invalid("config", e);
        }
    }

    /** Validates and stores a run (not started); a bad config is refused as invalid, naming every bad key. */
    public RunView create(Principal caller, String id, String strategy, Map<String, Object> config, String account)
            throws Exception {
        RunHost host = host(strategy);
        String runId = id == null ? strategy.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8) : id;
        if (!runId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw Refusal.invalid("id", "id must be 1-64 letters, digits, '-' or '_'");
        }
        if (locate(runId).isPresent()) {
            throw Refusal.conflict("a strategy run '" + runId + "' exists already");
        }
        try {
            host.create(runId, config, account, clock.instant());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Refusal.invalid("config", e);
        }
        audit.record(caller.username(), "strategy_created", runId, Map.of("strategy", strategy, "account", account));
        return view(runId).orElseThrow();
    }

    /** Starts (or resumes) a run within the caller's limits. */
    public RunView start(Principal caller, String runId) throws Exception {
        Located located = requireRun(caller, runId);
        StrategyRunRepository.StoredRun run = located.run();
        if ("running".equals(run.status()) && isLive(runId)) {
            return view(runId).orElseThrow();
        }
        guard.check(caller);
        RunHost host = located.host();
        host.runs().startedBy(runId, caller.username());
        try {
            host.start(runId, run.config());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("config", e);
        }
        audit.record(caller.username(), "strategy_started", runId, Map.of("account", run.account()));
        return view(runId).orElseThrow();
    }

    /** A saved config the caller may use (its own; admins: any); refused as not found otherwise. */
    public StrategyConfigRepository.SavedConfig savedConfig(Principal caller, long configId) {
        return configs.find(configId).filter(c -> caller.admin() || c.owner().equals(caller.username()))
                .orElseThrow(() -> Refusal.notFound("no saved config " + configId));
    }

    /** Creates a run from a saved config for an account and starts it. */
    public RunView startSaved(Principal caller, long configId, String account) throws Exception {
        StrategyConfigRepository.SavedConfig saved = savedConfig(caller, configId);
        String runId = saved.name().replaceAll("[^A-Za-z0-9_-]", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        guard.check(caller);
        create(caller, runId, saved.strategy(), saved.config(), account);
        StrategyRunRepository repository = host(saved.strategy()).runs();
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
     * first, a grid cancels its orders and closes its position (a stopped grid too: it may have left them on the
     * venue). A funding-arbitrage run still holding positions afterwards is {@code stopping} and keeps closing them
     * until flat. A run that is stopped already and has nothing to close stays as it is, and the outcome says so.
     */
    public StopOutcome stop(Principal caller, String runId, boolean closePositions) throws Exception {
        Located located = requireRun(caller, runId);
        boolean wasStopped = located.run().status().equals("stopped") && !isLive(runId);
        if (wasStopped && !closePositions) {
            return StopOutcome.wasAlreadyStopped();
        }
        // a stopped grid may have left its take-profit orders and position on the venue: a stop with close closes them
        StopOutcome outcome = located.host().stop(runId, closePositions);
        if (wasStopped && outcome.closed() == 0 && outcome.remaining().isEmpty()) {
            return StopOutcome.wasAlreadyStopped();
        }
        audit.record(caller.username(), "strategy_stopped", runId, Map.of("close_positions", closePositions,
                "closed", outcome.closed(), "still_held", outcome.remaining().size()));
        return outcome;
    }

    /** Runs the caller may see: {@code running}, {@code stopped} (stopped or error) or {@code all}. */
    public List<RunView> list(Principal caller, String filter) throws SQLException {
        List<RunView> views = new ArrayList<>();
        for (RunHost host : hosts.values()) {
            for (StrategyRunRepository.StoredRun run : host.runs().all()) {
                if (!access.canUse(caller, run.account())) {
                    continue;
                }
                RunView view = toView(host.strategy(), run);
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

    /** A run's latest events, newest first. */
    public List<StrategyRunRepository.RunEvent> events(Principal caller, String runId, int limit) throws SQLException {
        return requireRun(caller, runId).host().runs().events(runId, limit);
    }

    /** A run's config as it was stored (started with). */
    public Map<String, Object> config(Principal caller, String runId) throws SQLException {
        return requireRun(caller, runId).run().config();
    }

    /** Timer step: writes the heartbeat of every run running on this node. */
    public void heartbeat() throws SQLException {
        Instant now = clock.instant();
        for (RunHost host : hosts.values()) {
            host.runs().heartbeat(host.runningIds(), now);
        }
    }

    /** A run as lists show it, whoever asks (callers check access: {@link #run(Principal, String)}). */
    public Optional<RunView> view(String runId) throws SQLException {
        return locate(runId).map(located -> toView(located.host().strategy(), located.run()));
    }

    /** A run the caller may see: refused as not found when there is none, forbidden when it is another user's. */
    public RunView run(Principal caller, String runId) throws SQLException {
        Located located = requireRun(caller, runId);
        return toView(located.host().strategy(), located.run());
    }

    /** A stored run and the strategy it belongs to. */
    private record Located(RunHost host, StrategyRunRepository.StoredRun run) {
    }

    private Located requireRun(Principal caller, String runId) throws SQLException {
        Located located = locate(runId).orElseThrow(() -> Refusal.notFound("no strategy run '" + runId + "'"));
        if (!access.canUse(caller, located.run().account())) {
            throw Refusal.runOfAnotherUser(runId);
        }
        return located;
    }

    private Optional<Located> locate(String runId) throws SQLException {
        for (RunHost host : hosts.values()) {
            Optional<StrategyRunRepository.StoredRun> run = host.runs().findRun(runId);
            if (run.isPresent()) {
                return Optional.of(new Located(host, run.get()));
            }
        }
        return Optional.empty();
    }

    private RunHost host(String strategy) {
        RunHost host = hosts.get(strategy);
        if (host == null) {
            throw Refusal.invalid("strategy", "strategy must be one of " + String.join(", ", hosts.keySet())
                    + ", not '" + strategy + "'");
        }
        return host;
    }

    private boolean isLive(String runId) {
        return hosts.values().stream().anyMatch(host -> host.runningIds().contains(runId));
    }

    private RunView toView(String strategy, StrategyRunRepository.StoredRun run) {
        String status = run.status();
        if ("running".equals(status) && !isLive(run.id())) {
            status = "starting"; // stored as running, not (yet) running on this node: a restart is resuming it
        }
        return new RunView(run.id(), strategy, status, run.account(), run.venue(), run.startedAt(), run.startedBy(),
                run.errorMessage(), run.lastHeartbeat());
    }

    private void crashed(RunHost host, String runId, String reason) {
        host.crash(runId, reason);
        try {
            audit.record("runtime", "strategy_crashed", runId, Map.of("reason", reason));
        } catch (RuntimeException e) {
            LOG.error("Run {} crashed ({}) and the notification could not be stored", runId, reason, e);
        }
    }
}
