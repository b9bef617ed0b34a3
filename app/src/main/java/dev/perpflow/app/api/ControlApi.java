package dev.perpflow.app.api;

import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.strategy.RunGuard;
import dev.perpflow.app.strategy.StrategyConfigRepository;
import dev.perpflow.app.strategy.StrategyRuntime;
import dev.perpflow.app.fundingarb.FundingArbRuns;
import dev.perpflow.app.grid.GridRuns;
import dev.perpflow.app.strategy.StrategyRunRepository;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.config.ConfigException;
import dev.perpflow.execution.Futures;
import dev.perpflow.app.execution.KillSwitch;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.fundingarb.ArbLeg;
import dev.perpflow.fundingarb.ArbPosition;
import dev.perpflow.fundingarb.CloseType;
import dev.perpflow.fundingarb.ExitReasons;
import dev.perpflow.fundingarb.FundingArbEngine;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The control API (the seed's {@code strategies/control}): status, accounts, positions with live snapshots,
 * balances, manual close with the wide-spread confirmation, config reload, strategy runs and the kill switch.
 * Every call is made by a {@link Principal} (the bootstrap admin key or a user's API key) and sees only the accounts
 * {@link AccountAccess} allows: another user's account answers 403. Halt, resume and config reload need an admin.
 */
public class ControlApi {

    private final FundingArbRuns arbs;
    private final GridRuns grids;
    private final StrategyRunRepository gridRuns;
    private final VenueRegistry venues;
    private final KillSwitch killSwitch;
    private final AccountAccess access;
    private final AccountTrading trading;
    private final AuditLog audit;
    private final StrategyRuntime runtime;
    /** Longest free-text reason a caller may give a manual close. */
    static final int MAX_NOTE = 200;

    public ControlApi(FundingArbRuns arbs, GridRuns grids, StrategyRunRepository gridRuns, VenueRegistry venues,
            KillSwitch killSwitch, AccountAccess access, AccountTrading trading, AuditLog audit,
            StrategyRuntime runtime) {
        this.runtime = runtime;
        this.arbs = arbs;
        this.grids = grids;
        this.gridRuns = gridRuns;
        this.venues = venues;
        this.killSwitch = killSwitch;
        this.access = access;
        this.trading = trading;
        this.audit = audit;
    }

    public ApiResponse status(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) throws SQLException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", caller.username());
        body.put("is_admin", caller.admin());
        body.put("strategy", FundingArbRuns.STRATEGY);
        body.put("status", "running");
        body.put("trading_state", killSwitch.control().state().name());
        Map<String, Object> accountStates = new LinkedHashMap<>();
        killSwitch.control().restrictions().forEach((scope, saved) -> {
            if (!RiskGuard.GLOBAL.equals(scope) && access.canUse(caller, scope)) {
                accountStates.put(scope, Map.of("state", saved.state().name(), "reason", String.valueOf(saved.reason()),
                        "since", saved.at().toString()));
            }
        });
        body.put("account_trading_states", accountStates);
        // every strategy's running runs the caller may see (grids too: they were missing)
        body.put("running_strategies", runtime.list(caller, "running").stream().map(StrategyRuntime.RunView::id)
                .toList());
        body.put("accessible_accounts", access.accessible(caller));
        return ApiResponse.ok(body);
    }

    public ApiResponse accounts(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) {
        return ApiResponse.ok(Map.of("user", caller.username(), "is_admin", caller.admin(), "accounts",
                access.accessible(caller)));
    }

    /** Open positions of one account ({@code account_name}) or of every account the caller may see. */
    public ApiResponse positions(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("account_name") String accountName) throws SQLException {
        String account = accountName == null || accountName.isBlank() ? null : access.require(caller, accountName);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String runId : arbs.runningIds()) {
            String runAccount = accountOf(runId);
            if (account != null ? !runAccount.equals(account) : !access.canUse(caller, runAccount)) {
                continue;
            }
            arbs.engine(runId).ifPresent(engine -> engine.activePositions().forEach(p -> {
                Map<String, Object> row = positionJson(p);
                row.put("account_name", runAccount);
                rows.add(row);
            }));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_name", account == null ? "all" : account);
        body.put("positions", rows);
        body.put("count", rows.size());
        return ApiResponse.ok(body);
    }

    /** Balances on every venue of one account (the caller's only account, or {@code default} for admins). */
    public ApiResponse balances(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("account_name") String accountName) {
        String account = accountName == null || accountName.isBlank() ? defaultAccount(caller)
                : access.require(caller, accountName);
        Map<String, Object> byVenue = new LinkedHashMap<>();
        AccountTrading.Trading accountTrading;
        try {
            accountTrading = trading.of(account);
        } catch (AccountsException e) {
            throw new ApiResponseException(new ApiResponse(409, Map.of("detail", e.getMessage())));
        }
        accountTrading.clients().forEach((venue, client) -> {
            try {
                List<Map<String, Object>> balances = new ArrayList<>();
                for (Balance balance : Futures.await(client.balances(), Duration.ofSeconds(10))) {
                    balances.add(Map.of("asset", balance.asset(), "total", balance.total(), "available",
                            balance.available()));
                }
                byVenue.put(venue, balances);
            } catch (RuntimeException e) {
                byVenue.put(venue, Map.of("error", String.valueOf(e.getMessage())));
            }
        });
        accountTrading.unavailable().forEach((venue, why) -> byVenue.put(venue, Map.of("error", why)));
        return ApiResponse.ok(Map.of("account_name", account, "balances", byVenue));
    }

    /**
     * Closes a position by hand. The engine always books {@code manual_close} as the exit reason; a {@code reason} the
     * caller gives is free text (at most {@value #MAX_NOTE} characters) kept in the audit log, never handed to the
     * engine, so it cannot look like one of the engine's own reasons (a {@code LIQUIDATION_…} reason changes how
     * closes are retried).
     */
    public ApiResponse closePosition(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("positionId") String positionId, @Body String body) throws SQLException {
        Map<String, Object> request = RequestBodies.object(body);
        Object rawType = request.getOrDefault("order_type", "market");
        if (!(rawType instanceof String)) {
            throw new BadRequestException("order_type", "order_type must be \"market\" or \"limit\", not "
                    + RequestBodies.typeOf(rawType));
        }
        String orderType = ((String) rawType).toLowerCase(Locale.ROOT);
        if (!orderType.equals("market") && !orderType.equals("limit")) {
            throw new BadRequestException("order_type", "order_type must be market or limit, got '"
                    + RequestBodies.text(request, "order_type", 64) + "'");
        }
        String note = RequestBodies.text(request, "reason", MAX_NOTE);
        boolean confirm = RequestBodies.bool(request, "confirm_wide_spread", false);
        ArbPosition position = arbs.positions().find(positionId)
                .orElseThrow(() -> new NotFoundException("no position '" + positionId + "'"));
        requireRunAccess(caller, position.runId());
        FundingArbEngine engine = arbs.engine(position.runId()).orElseThrow(() -> new ApiResponseException(
                new ApiResponse(503, Map.of("detail", "the run of position " + positionId + " is not running"))));
        if (!position.status().isActive() || position.status() == ArbPosition.Status.OPENING) {
            throw new BadRequestException("positionId", "position " + positionId + " is "
                    + position.status().name().toLowerCase(Locale.ROOT) + ", not open");
        }
        FundingArbEngine.CloseResult result;
        try {
            result = engine.close(positionId, orderType.equals("market") ? CloseType.MARKET : CloseType.LIMIT,
                    ExitReasons.MANUAL_CLOSE, confirm);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the position changed between the checks above and the engine's own (closed by its run meanwhile)
            throw new ApiResponseException(new ApiResponse(409, Map.of("detail", String.valueOf(e.getMessage()))));
        }
        if (result.closed()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("order_type", orderType);
            details.put("note", note == null ? "" : note);
            audit.record(caller.username(), "position_closed", positionId, details);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", result.closed());
        answer.put("position_id", positionId);
        answer.put("message", result.message());
        if (result.wideSpreadWarning()) {
            answer.put("wide_spread_warning", true);
            answer.put("spread_pct", result.spread());
        }
        if (result.closed()) {
            answer.put("exit_reason", result.position().exitReason());
            answer.put("pnl_usd", result.position().pnlUsd());
            if (note != null) {
                answer.put("note", note);
            }
        }
        return ApiResponse.ok(answer);
    }

    /** Re-applies every running funding-arbitrage run's stored config (the seed re-read its YAML file). */
    public ApiResponse reloadConfig(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) throws SQLException {
        access.requireAdmin(caller, "reloading strategy configs");
        List<String> reloaded = new ArrayList<>();
        for (String runId : arbs.runningIds()) {
            StrategyRunRepository.StoredRun run = arbs.runs().findRun(runId).orElseThrow();
            arbs.reload(runId, arbs.sourceConfig(runId).orElse(run.config()));
            reloaded.add(runId);
        }
        return ApiResponse.ok(Map.of("success", true, "reloaded", reloaded));
    }

    public ApiResponse strategies(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("status") String status) throws SQLException {
        String filter = QueryParameters.oneOf("status", status, "all", List.of("running", "stopped", "all"));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (StrategyRuntime.RunView run : runtime.list(caller, filter)) {
            runs.add(runJson(run));
        }
        return ApiResponse.ok(Map.of("strategies", runs, "count", runs.size()));
    }

    /** Creates a run from a YAML (or JSON) body {@code {id?, strategy, account?, config}}; it starts with {@code /start}. */
    public ApiResponse createStrategy(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Body String body)
            throws SQLException {
        Map<String, Object> request = RequestBodies.object(body);
        String id = RequestBodies.text(request, "id", 64);
        String strategy = strategyOf(request);
        String requestedAccount = RequestBodies.text(request, "account", 130);
        Map<String, Object> settings = RequestBodies.mapping(request, "config");
        String account = requestedAccount == null ? defaultAccount(caller) : access.require(caller, requestedAccount);
        StrategyRuntime.RunView run;
        try {
            run = runtime.create(caller, id, strategy, settings, account);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("config", e.getMessage());
        }
        return new ApiResponse(201, Map.of("id", run.id(), "strategy", run.strategy(), "status", run.status(),
                "account_name", run.account()));
    }

    public ApiResponse startStrategy(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("id") String id) throws Exception {
        try {
            StrategyRuntime.RunView run = runtime.start(caller, id);
            return ApiResponse.ok(Map.of("id", id, "status", run.status()));
        } catch (StrategyRuntime.RunForbiddenException e) {
            throw new ApiResponseException(new ApiResponse(403, Map.of("detail", e.getMessage())));
        } catch (RunGuard.LimitExceeded e) {
            throw new ApiResponseException(new ApiResponse(429, Map.of("detail", e.getMessage())));
        } catch (IllegalArgumentException | AccountsException e) {
            throw new BadRequestException("config", e.getMessage());
        }
    }

    public ApiResponse stopStrategy(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Header("id") String id,
            @Header("close_positions") String closePositions) throws Exception {
        boolean close = QueryParameters.bool("close_positions", closePositions, false);
        try {
            FundingArbRuns.StopOutcome outcome = runtime.stop(caller, id, close);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("status", outcome.status());
            body.put("closed_positions", outcome.closed());
            body.put("open_positions", outcome.remaining().stream().map(p -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", p.id());
                row.put("symbol", p.symbol());
                row.put("status", p.status().name().toLowerCase(java.util.Locale.ROOT));
                row.put("long_tokens", p.longLeg().tokens());
                row.put("short_tokens", p.shortLeg().tokens());
                row.put("exit_reason", p.exitReason());
                return row;
            }).toList());
            if (!outcome.remaining().isEmpty()) {
                body.put("detail", "the run makes no new entries and keeps watching" + (close ? " and closing" : "")
                        + " its " + outcome.remaining().size() + " remaining position(s) until it is flat");
            }
            return ApiResponse.ok(body);
        } catch (StrategyRuntime.RunForbiddenException e) {
            throw new ApiResponseException(new ApiResponse(403, Map.of("detail", e.getMessage())));
        }
    }

    /** Saved strategy configs the caller owns (admins: everyone's). */
    public ApiResponse configs(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StrategyConfigRepository.SavedConfig config : runtime.configs().list(caller.admin() ? null
                : caller.username())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", config.id());
            row.put("name", config.name());
            row.put("owner", config.owner());
            row.put("strategy", config.strategy());
            row.put("config", config.config());
            row.put("updated_at", config.updatedAt());
            rows.add(row);
        }
        return ApiResponse.ok(Map.of("configs", rows, "count", rows.size()));
    }

    /** Saves a config from a YAML (or JSON) body {@code {name, strategy, config}}, validated key by key. */
    public ApiResponse createConfig(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Body String body) {
        Map<String, Object> request = RequestBodies.object(body);
        String name = RequestBodies.requiredText(request, "name", 64);
        String strategy = strategyOf(request);
        Map<String, Object> settings = RequestBodies.mapping(request, "config");
        try {
            switch (strategy) {
                case FundingArbRuns.STRATEGY -> dev.perpflow.fundingarb.FundingArbConfig.fromMap(settings);
                default -> dev.perpflow.grid.GridConfig.fromMap(settings);
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("config", e.getMessage());
        }
        try {
            StrategyConfigRepository.SavedConfig saved = runtime.configs().save(caller.username(), name, strategy,
                    settings);
            return new ApiResponse(201, Map.of("id", saved.id(), "name", saved.name(), "strategy", strategy));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("name", e.getMessage());
        }
    }

    private static String strategyOf(Map<String, Object> request) {
        String strategy = RequestBodies.requiredText(request, "strategy", 64);
        if (!strategy.equals(FundingArbRuns.STRATEGY) && !strategy.equals("grid")) {
            throw new BadRequestException("strategy", "strategy must be funding_arbitrage or grid, not '" + strategy
                    + "'");
        }
        return strategy;
    }

    /** Creates a run from a saved config for {@code account} (the caller's default when absent) and starts it. */
    public ApiResponse runConfig(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("configId") String configId, @Header("account") String account) throws Exception {
        long id;
        try {
            id = Long.parseLong(configId);
        } catch (NumberFormatException e) {
            throw new BadRequestException("configId", "config id must be a number");
        }
        String target = account == null || account.isBlank() ? defaultAccount(caller) : access.require(caller, account);
        try {
            StrategyRuntime.RunView run = runtime.startSaved(caller, id, target);
            return new ApiResponse(201, runJson(run));
        } catch (RunGuard.LimitExceeded e) {
            throw new ApiResponseException(new ApiResponse(429, Map.of("detail", e.getMessage())));
        } catch (IllegalArgumentException | AccountsException e) {
            throw new BadRequestException("config", e.getMessage());
        }
    }

    public ApiResponse strategyLogs(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("id") String id, @Header("lines") String lines) throws SQLException {
        int count = QueryParameters.integer("lines", lines, 100, 1, 500);
        try {
            return ApiResponse.ok(Map.of("id", id, "lines", runtime.logs(caller, id, count)));
        } catch (StrategyRuntime.RunForbiddenException e) {
            throw new ApiResponseException(new ApiResponse(403, Map.of("detail", e.getMessage())));
        }
    }

    public ApiResponse limits(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) {
        return ApiResponse.ok(runtime.guard().describe(caller));
    }

    static Map<String, Object> runJson(StrategyRuntime.RunView run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", run.id());
        row.put("strategy", run.strategy());
        row.put("status", run.status());
        row.put("venue", run.venue());
        row.put("account_name", run.account());
        row.put("started_at", run.startedAt());
        row.put("started_by", run.startedBy());
        row.put("last_heartbeat", run.lastHeartbeat());
        if (run.error() != null) {
            row.put("error_message", run.error());
        }
        return row;
    }

    /**
     * The kill switch (admins): every account, or one ({@code account}), halted at once and their working orders
     * cancelled before anything is written to the database, so it works while the database is unreachable.
     */
    public ApiResponse halt(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Header("reason") String reason,
            @Header("account") String account) {
        access.requireAdmin(caller, "halting trading");
        String scope = account == null || account.isBlank() ? RiskGuard.GLOBAL : account.strip();
        KillSwitch.HaltReport report = killSwitch.halt(scope, caller.username(),
                reason == null ? "halt via the control API" : reason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trading_state", report.state().name());
        if (!RiskGuard.GLOBAL.equals(scope)) {
            body.put("account", scope);
        }
        body.put("cancelled_orders", report.cancelled());
        body.put("failed_cancels", report.failed());
        return ApiResponse.ok(body);
    }

    /** Lifts the global halt, or one account's ({@code account}, e.g. after its daily loss limit); admins only. */
    public ApiResponse resume(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("reason") String reason, @Header("account") String account) {
        access.requireAdmin(caller, "resuming trading");
        String scope = account == null || account.isBlank() ? RiskGuard.GLOBAL : account.strip();
        try {
            var state = killSwitch.resume(scope, caller.username(),
                    reason == null ? "resume via the control API" : reason);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("trading_state", state.name());
            if (!RiskGuard.GLOBAL.equals(scope)) {
                body.put("account", scope);
            }
            return ApiResponse.ok(body);
        } catch (RuntimeException e) {
            return new ApiResponse(503, Map.of("detail", "trading stays halted: the resume could not be saved ("
                    + e.getMessage() + ")"));
        }
    }

    /** The account a run belongs to ({@code default} for runs without one). */
    private String accountOf(String runId) throws SQLException {
        Optional<StrategyRunRepository.StoredRun> run = arbs.runs().findRun(runId);
        if (run.isEmpty()) {
            run = gridRuns.findRun(runId);
        }
        return run.map(StrategyRunRepository.StoredRun::account).orElse(AccountTrading.DEFAULT);
    }

    /** 404 for an unknown run, 403 for another user's. */
    private void requireRunAccess(Principal caller, String runId) throws SQLException {
        if (arbs.runs().findRun(runId).isEmpty() && gridRuns.findRun(runId).isEmpty()) {
            throw new NotFoundException("no strategy run '" + runId + "'");
        }
        if (!access.canUse(caller, accountOf(runId))) {
            throw new ApiResponseException(new ApiResponse(403, Map.of("detail",
                    new StrategyRuntime.RunForbiddenException(runId).getMessage())));
        }
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
        throw new BadRequestException("account_name", own.isEmpty() ? "you have no account yet"
                : "say which account: one of " + own);
    }

    static Map<String, Object> positionJson(ArbPosition p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id());
        row.put("run_id", p.runId());
        row.put("symbol", p.symbol());
        row.put("long_dex", p.longDex());
        row.put("short_dex", p.shortDex());
        row.put("status", p.status().name().toLowerCase(Locale.ROOT));
        row.put("size_usd", p.sizeUsd());
        row.put("entry_divergence", p.entryDivergence());
        row.put("current_divergence", p.currentDivergence());
        row.put("opened_at", p.openedAt());
        row.put("cumulative_funding_usd", p.cumulativeFunding());
        row.put("total_fees_usd", p.totalFees());
        row.put("net_pnl_usd", p.netPnlUsd());
        row.put("legs", Map.of(p.longDex(), legJson(p.longLeg()), p.shortDex(), legJson(p.shortLeg())));
        return row;
    }

    private static Map<String, Object> legJson(ArbLeg leg) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("side", leg.side() == dev.perpflow.exchange.model.Side.BUY ? "long" : "short");
        json.put("quantity", leg.tokens());
        json.put("entry_price", leg.entryPrice());
        json.put("fees_paid", leg.fees());
        if (leg.snapshot() != null) {
            json.put("mark_price", leg.snapshot().markPrice());
            json.put("unrealized_pnl", leg.snapshot().unrealizedPnl());
            json.put("funding_accrued", leg.snapshot().fundingAccrued());
            json.put("liquidation_price", leg.snapshot().liquidationPrice());
            json.put("leverage", leg.snapshot().leverage());
        }
        return json;
    }
}
