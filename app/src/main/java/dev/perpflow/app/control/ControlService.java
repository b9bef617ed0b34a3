package dev.perpflow.app.control;

import dev.perpflow.app.accounts.AccountAccess;
import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.execution.KillSwitch;
import dev.perpflow.app.funding.OpportunityService;
import dev.perpflow.app.fundingarb.FundingArbRuns;
import dev.perpflow.app.fundingarb.TradeHistory;
import dev.perpflow.app.strategy.StopOutcome;
import dev.perpflow.app.strategy.StrategyConfigRepository;
import dev.perpflow.app.strategy.StrategyRunRepository;
import dev.perpflow.app.strategy.StrategyRuntime;
import dev.perpflow.app.strategy.StrategyRuntime.RunView;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.execution.Futures;
import dev.perpflow.funding.Opportunity;
import dev.perpflow.funding.OpportunityFilter;
import dev.perpflow.fundingarb.ArbPosition;
import dev.perpflow.fundingarb.CloseType;
import dev.perpflow.fundingarb.ExitReasons;
import dev.perpflow.fundingarb.FundingArbEngine;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.TradingState;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a caller can see and do, once, for every face of the application: the REST API and the Telegram bot both
 * adapt these methods (HTTP and JSON there, chat text and buttons here) and so cannot disagree. Every method acts
 * as a {@link Principal} and is authorized on the object: a run, position or account of another user is refused
 * ({@link Refusal}), whatever the path or button that named it. Answers are typed records, never HTTP-shaped maps.
 */
public final class ControlService {

    /** Longest free-text reason a caller may give a manual close. */
    public static final int MAX_NOTE = 200;
    private static final Duration VENUE_TIMEOUT = Duration.ofSeconds(10);

    /** An account's own trading restriction (after a halt of that account or its daily loss limit). */
    public record AccountState(TradingState state, String reason, Instant since) {
    }

    /** Trading state, the caller's running runs (every strategy) and accounts. */
    public record Status(Principal caller, TradingState tradingState, Map<String, AccountState> accountStates,
            List<RunView> running, List<AccountAccess.Accessible> accounts) {
    }

    /** An open position of a run of {@code account}. */
    public record AccountPosition(String account, ArbPosition position) {
    }

    /** Open positions of one account, or of every account the caller may see ({@code account} null). */
    public record Positions(String account, List<AccountPosition> positions) {
    }

    /** One venue's balances, or why they could not be read. */
    public record VenueBalances(List<Balance> balances, String error) {
    }

    /** Balances of one account on each of its venues. */
    public record Balances(String account, Map<String, VenueBalances> venues) {
    }

    /** A manual close: the order type, a free-text note for the audit log, and whether a wide spread is accepted. */
    public record CloseRequest(CloseType type, String note, boolean confirmWideSpread) {
    }

    /** What a manual close did ({@code result.closed()} false with a wide-spread warning asks to confirm). */
    public record CloseOutcome(String positionId, CloseType type, String note, FundingArbEngine.CloseResult result) {
    }

    /** What a halt did: {@code scope} is {@code global} or one account. */
    public record HaltOutcome(String scope, KillSwitch.HaltReport report) {
        public boolean global() {
            return RiskGuard.GLOBAL.equals(scope);
        }
    }

    /** The state after a resume of {@code scope}. */
    public record ResumeOutcome(String scope, TradingState state) {
        public boolean global() {
            return RiskGuard.GLOBAL.equals(scope);
        }
    }

    private final FundingArbRuns arbs;
    private final StrategyRuntime runtime;
    private final KillSwitch killSwitch;
    private final AccountAccess access;
    private final AccountTrading trading;
    private final AuditLog audit;
    private final OpportunityService opportunities;
    private final TradeHistory history;

    public ControlService(FundingArbRuns arbs, StrategyRuntime runtime, KillSwitch killSwitch, AccountAccess access,
            AccountTrading trading, AuditLog audit, OpportunityService opportunities, TradeHistory history) {
        this.arbs = arbs;
        this.runtime = runtime;
        this.killSwitch = killSwitch;
        this.access = access;
        this.trading = trading;
        this.audit = audit;
        this.opportunities = opportunities;
        this.history = history;
    }

    public Status status(Principal caller) throws SQLException {
        Map<String, AccountState> accountStates = new LinkedHashMap<>();
        killSwitch.control().restrictions().forEach((scope, saved) -> {
            if (!RiskGuard.GLOBAL.equals(scope) && access.canUse(caller, scope)) {
                accountStates.put(scope, new AccountState(saved.state(), String.valueOf(saved.reason()), saved.at()));
            }
        });
        return new Status(caller, killSwitch.control().state(), accountStates, runtime.list(caller, "running"),
                access.accessible(caller));
    }

    public List<AccountAccess.Accessible> accounts(Principal caller) {
        return access.accessible(caller);
    }

    /** Open positions of {@code account} (null: of every account the caller may see), with live leg snapshots. */
    public Positions positions(Principal caller, String account) throws SQLException {
        String only = account == null || account.isBlank() ? null : access.require(caller, account);
        List<AccountPosition> rows = new ArrayList<>();
        for (String runId : arbs.runningIds()) {
            String runAccount = arbs.runs().findRun(runId).map(StrategyRunRepository.StoredRun::account)
                    .orElse(AccountTrading.DEFAULT);
            if (only != null ? !runAccount.equals(only) : !access.canUse(caller, runAccount)) {
                continue;
            }
            arbs.engine(runId).ifPresent(engine -> engine.activePositions()
                    .forEach(p -> rows.add(new AccountPosition(runAccount, p))));
        }
        return new Positions(only, rows);
    }

    /** Balances on every venue of one account (the caller's only account, or {@code default} for admins). */
    public Balances balances(Principal caller, String account) {
        String target = account == null || account.isBlank() ? defaultAccount(caller) : access.require(caller, account);
        AccountTrading.Trading accountTrading;
        try {
            accountTrading = trading.of(target);
        } catch (AccountsException e) {
            throw Refusal.conflict(e.getMessage());
        }
        Map<String, VenueBalances> venues = new LinkedHashMap<>();
        accountTrading.clients().forEach((venue, client) -> {
            try {
                venues.put(venue, new VenueBalances(Futures.await(client.balances(), VENUE_TIMEOUT), null));
            } catch (RuntimeException e) {
                venues.put(venue, new VenueBalances(List.of(), String.valueOf(e.getMessage())));
            }
        });
        accountTrading.unavailable().forEach((venue, why) -> venues.put(venue, new VenueBalances(List.of(), why)));
        return new Balances(target, venues);
    }

    /**
     * Closes a position by hand. The engine always books {@code manual_close} as the exit reason; the caller's note is
     * free text kept in the audit log, never handed to the engine, so it cannot look like one of the engine's own
     * reasons (a {@code LIQUIDATION_…} reason changes how closes are retried).
     */
    public CloseOutcome close(Principal caller, String positionId, CloseRequest request) throws SQLException {
        if (request.note() != null && request.note().length() > MAX_NOTE) {
            throw Refusal.invalid("reason", "reason is " + request.note().length() + " characters long; at most "
                    + MAX_NOTE);
        }
        ArbPosition position = arbs.positions().find(positionId)
                .orElseThrow(() -> Refusal.notFound("no position '" + positionId + "'"));
        runtime.run(caller, position.runId()); // refused unless the caller may see the position's run
        FundingArbEngine engine = arbs.engine(position.runId()).orElseThrow(() -> Refusal.unavailable(
                "the run of position " + positionId + " is not running"));
        if (!position.status().isActive() || position.status() == ArbPosition.Status.OPENING) {
            throw Refusal.invalid("positionId", "position " + positionId + " is "
                    + position.status().name().toLowerCase(Locale.ROOT) + ", not open");
        }
        FundingArbEngine.CloseResult result;
        try {
            result = engine.close(positionId, request.type(), ExitReasons.MANUAL_CLOSE, request.confirmWideSpread());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the position changed between the checks above and the engine's own (closed by its run meanwhile)
            throw Refusal.conflict(String.valueOf(e.getMessage()));
        }
        if (result.closed()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("order_type", request.type().name().toLowerCase(Locale.ROOT));
            details.put("note", request.note() == null ? "" : request.note());
            audit.record(caller.username(), "position_closed", positionId, details);
        }
        return new CloseOutcome(positionId, request.type(), request.note(), result);
    }

    /** Re-applies every running funding-arbitrage run's config (its file's, for runs started from one); admins. */
    public List<String> reloadConfigs(Principal caller) throws SQLException {
        access.requireAdmin(caller, "reloading strategy configs");
        List<String> reloaded = new ArrayList<>();
        for (String runId : arbs.runningIds()) {
            StrategyRunRepository.StoredRun run = arbs.runs().findRun(runId).orElseThrow();
            try {
                arbs.reload(runId, arbs.sourceConfig(runId).orElse(run.config()));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("config", "run " + runId + ": " + e.getMessage());
            }
            reloaded.add(runId);
        }
        return reloaded;
    }

    /** Runs the caller may see: {@code running}, {@code stopped} (stopped or error) or {@code all}. */
    public List<RunView> runs(Principal caller, String filter) throws SQLException {
        return runtime.list(caller, filter);
    }

    public RunView run(Principal caller, String runId) throws SQLException {
        return runtime.run(caller, runId);
    }

    /** A run's config as it was stored (started with). */
    public Map<String, Object> runParameters(Principal caller, String runId) throws SQLException {
        return runtime.config(caller, runId);
    }

    /** A run's latest events (any strategy), newest first. */
    public List<StrategyRunRepository.RunEvent> runEvents(Principal caller, String runId, int limit) throws SQLException {
        return runtime.events(caller, runId, limit);
    }

    public List<String> runLogs(Principal caller, String runId, int lines) throws SQLException {
        return runtime.logs(caller, runId, lines);
    }

    /** Stores a run for {@code account} (the caller's default when null), not started. */
    public RunView createRun(Principal caller, String id, String strategy, Map<String, Object> config,
            String account) throws Exception {
        String target = account == null ? defaultAccount(caller) : access.require(caller, account);
        return runtime.create(caller, id, strategy, config, target);
    }

    public RunView startRun(Principal caller, String runId) throws Exception {
        try {
            return runtime.start(caller, runId);
        } catch (AccountsException e) {
            throw Refusal.invalid("config", e.getMessage());
        }
    }

    public StopOutcome stopRun(Principal caller, String runId, boolean closePositions) throws Exception {
        return runtime.stop(caller, runId, closePositions);
    }

    /** Saved configs the caller owns (admins: everyone's). */
    public List<StrategyConfigRepository.SavedConfig> configs(Principal caller) {
        return runtime.configs().list(caller.admin() ? null : caller.username());
    }

    /** A config the caller may use: refused as not found otherwise. */
    public StrategyConfigRepository.SavedConfig config(Principal caller, long configId) {
        return runtime.savedConfig(caller, configId);
    }

    /** Saves a config under {@code name}, validated key by key first. */
    public StrategyConfigRepository.SavedConfig saveConfig(Principal caller, String name, String strategy,
            Map<String, Object> config) {
        runtime.validate(strategy, config);
        try {
            return runtime.configs().save(caller.username(), name, strategy, config);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("name", e.getMessage());
        }
    }

    /** Creates a run from a saved config for {@code account} (the caller's default when null) and starts it. */
    public RunView runConfig(Principal caller, long configId, String account) throws Exception {
        String target = account == null || account.isBlank() ? defaultAccount(caller) : access.require(caller, account);
        try {
            return runtime.startSaved(caller, configId, target);
        } catch (AccountsException e) {
            throw Refusal.invalid("config", e.getMessage());
        }
    }

    /** The safety limits and the caller's use of them. */
    public Map<String, Object> limits(Principal caller) {
        return runtime.guard().describe(caller);
    }

    /**
     * The kill switch (admins): every account ({@code account} null), or one, halted at once and their working
     * orders cancelled before anything is written to the database, so it works while the database is unreachable.
     */
    public HaltOutcome halt(Principal caller, String account, String reason) {
        access.requireAdmin(caller, "halting trading");
        String scope = scope(account);
        return new HaltOutcome(scope, killSwitch.halt(scope, caller.username(), reason));
    }

    /** Lifts the global halt, or one account's (e.g. after its daily loss limit); admins only. */
    public ResumeOutcome resume(Principal caller, String account, String reason) {
        access.requireAdmin(caller, "resuming trading");
        String scope = scope(account);
        try {
            return new ResumeOutcome(scope, killSwitch.resume(scope, caller.username(), reason));
        } catch (RuntimeException e) {
            throw Refusal.unavailable("trading stays halted: the resume could not be saved (" + e.getMessage() + ")");
        }
    }

    /** The best opportunities now, ranked with the default filters. */
    public List<Opportunity> topOpportunities(int limit) throws SQLException {
        return opportunities.rank(OpportunityFilter.builder().limit(limit).build()).opportunities();
    }

    /** The latest entry and exit fills of the caller's runs. */
    public List<TradeHistory.Fill> recentFills(Principal caller, int limit) throws SQLException {
        return history.recentFills(caller.admin() ? null : access.accessibleNames(caller), limit);
    }

    /** Realized PnL of the caller's closed positions, and the latest of them. */
    public TradeHistory.RealizedPnl realizedPnl(Principal caller, int latest) throws SQLException {
        return history.realizedPnl(caller.admin() ? null : access.accessibleNames(caller), latest);
    }

    /** The account names the caller may use. */
    public List<String> accountNames(Principal caller) {
        return access.accessibleNames(caller);
    }

    public boolean canUse(Principal caller, String account) {
        return access.canUse(caller, account);
    }

    /** Admins act on {@code default}; a user with one account on that one; otherwise the request must say which. */
    private String defaultAccount(Principal caller) {
        if (caller.admin()) {
            return AccountTrading.DEFAULT;
        }
        List<String> own = access.accessibleNames(caller);
        if (own.size() == 1) {
            return own.get(0);
        }
        throw Refusal.invalid("account_name", own.isEmpty() ? "you have no account yet"
                : "say which account: one of " + own);
    }

    private static String scope(String account) {
        return account == null || account.isBlank() ? RiskGuard.GLOBAL : account.strip();
    }
}
