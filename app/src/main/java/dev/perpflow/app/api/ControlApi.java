package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.accounts.AccountAccess;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.control.ControlService;
import dev.perpflow.app.control.ControlService.AccountPosition;
import dev.perpflow.app.fundingarb.FundingArbRuns;
import dev.perpflow.app.strategy.StopOutcome;
import dev.perpflow.app.strategy.StrategyConfigRepository;
import dev.perpflow.app.strategy.StrategyRuntime.RunView;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.fundingarb.ArbLeg;
import dev.perpflow.fundingarb.ArbPosition;
import dev.perpflow.fundingarb.CloseType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The control API (the seed's {@code strategies/control}) over HTTP: reads each request's parameters and body, calls
 * the {@link ControlService} as the caller ({@link ApiKeyCheck#PRINCIPAL}) and writes its typed answer with the
 * seed's JSON keys. Authorization and every rule live in the service; a refusal becomes its status code in
 * {@link JsonResponder}.
 */
public class ControlApi {

    private final ControlService control;

    public ControlApi(ControlService control) {
        this.control = control;
    }

    public ApiResponse status(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) throws SQLException {
        ControlService.Status status = control.status(caller);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", caller.username());
        body.put("is_admin", caller.admin());
        body.put("strategy", FundingArbRuns.STRATEGY);
        body.put("status", "running");
        body.put("trading_state", status.tradingState().name());
        Map<String, Object> accountStates = new LinkedHashMap<>();
        status.accountStates().forEach((account, state) -> accountStates.put(account, Map.of("state",
                state.state().name(), "reason", state.reason(), "since", state.since().toString())));
        body.put("account_trading_states", accountStates);
        body.put("running_strategies", status.running().stream().map(RunView::id).toList());
        body.put("accessible_accounts", accountsJson(status.accounts()));
        return ApiResponse.ok(body);
    }

    public ApiResponse accounts(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) {
        return ApiResponse.ok(Map.of("user", caller.username(), "is_admin", caller.admin(), "accounts",
                accountsJson(control.accounts(caller))));
    }

    /** Open positions of one account ({@code account_name}) or of every account the caller may see. */
    public ApiResponse positions(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("account_name") String accountName) throws SQLException {
        ControlService.Positions positions = control.positions(caller, accountName);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AccountPosition p : positions.positions()) {
            Map<String, Object> row = positionJson(p);
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_name", positions.account() == null ? "all" : positions.account());
        body.put("positions", rows);
        body.put("count", rows.size());
        return ApiResponse.ok(body);
    }

    /** Balances on every venue of one account (the caller's only account, or {@code default} for admins). */
    public ApiResponse balances(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("account_name") String accountName) {
        ControlService.Balances balances = control.balances(caller, accountName);
        Map<String, Object> byVenue = new LinkedHashMap<>();
        balances.venues().forEach((venue, venueBalances) -> {
            if (venueBalances.error() != null) {
                byVenue.put(venue, Map.of("error", venueBalances.error()));
                return;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Balance balance : venueBalances.balances()) {
                rows.add(Map.of("asset", balance.asset(), "total", balance.total(), "available", balance.available()));
            }
            byVenue.put(venue, rows);
        });
        return ApiResponse.ok(Map.of("account_name", balances.account(), "balances", byVenue));
    }

    /** {@code {order_type: market|limit, reason?, confirm_wide_spread?}}: see {@link ControlService#close}. */
    public ApiResponse closePosition(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("positionId") String positionId, @Body String body) throws SQLException {
        Map<String, Object> request = RequestBodies.object(body);
        Object rawType = request.getOrDefault("order_type", "market");
        if (!(rawType instanceof String)) {
            throw Refusal.invalid("order_type", "order_type must be \"market\" or \"limit\", not "
                    + RequestBodies.typeOf(rawType));
        }
        String orderType = ((String) rawType).toLowerCase(Locale.ROOT);
        if (!orderType.equals("market") && !orderType.equals("limit")) {
            throw Refusal.invalid("order_type", "order_type must be market or limit, got '"
                    + RequestBodies.text(request, "order_type", 64) + "'");
        }
        String note = RequestBodies.text(request, "reason", ControlService.MAX_NOTE);
        boolean confirm = RequestBodies.bool(request, "confirm_wide_spread", false);
        ControlService.CloseOutcome outcome = control.close(caller, positionId, new ControlService.CloseRequest(
                orderType.equals("market") ? CloseType.MARKET : CloseType.LIMIT, note, confirm));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", outcome.result().closed());
        answer.put("position_id", positionId);
        answer.put("message", outcome.result().message());
        if (outcome.result().wideSpreadWarning()) {
            answer.put("wide_spread_warning", true);
            answer.put("spread_pct", outcome.result().spread());
        }
        if (outcome.result().closed()) {
            answer.put("exit_reason", outcome.result().position().exitReason());
            answer.put("pnl_usd", outcome.result().position().pnlUsd());
            if (note != null) {
                answer.put("note", note);
            }
        }
        return ApiResponse.ok(answer);
    }

    /** Re-applies every running funding-arbitrage run's stored config (the seed re-read its YAML file). */
    public ApiResponse reloadConfig(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) throws SQLException {
        return ApiResponse.ok(Map.of("success", true, "reloaded", control.reloadConfigs(caller)));
    }

    public ApiResponse strategies(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("status") String status) throws SQLException {
        String filter = QueryParameters.oneOf("status", status, "all", List.of("running", "stopped", "all"));
        List<Map<String, Object>> runs = control.runs(caller, filter).stream().map(ControlApi::runJson).toList();
        return ApiResponse.ok(Map.of("strategies", runs, "count", runs.size()));
    }

    /** Creates a run from a YAML (or JSON) body {@code {id?, strategy, account?, config}}; it starts with {@code /start}. */
    public ApiResponse createStrategy(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Body String body)
            throws Exception {
        Map<String, Object> request = RequestBodies.object(body);
        String id = RequestBodies.text(request, "id", 64);
        String strategy = RequestBodies.requiredText(request, "strategy", 64);
        String account = RequestBodies.text(request, "account", 130);
        Map<String, Object> settings = RequestBodies.mapping(request, "config");
        RunView run = control.createRun(caller, id, strategy, settings, account);
        return new ApiResponse(201, Map.of("id", run.id(), "strategy", run.strategy(), "status", run.status(),
                "account_name", run.account()));
    }

    public ApiResponse startStrategy(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("id") String id) throws Exception {
        RunView run = control.startRun(caller, id);
        return ApiResponse.ok(Map.of("id", id, "status", run.status()));
    }

    public ApiResponse stopStrategy(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Header("id") String id,
            @Header("close_positions") String closePositions) throws Exception {
        boolean close = QueryParameters.bool("close_positions", closePositions, false);
        StopOutcome outcome = control.stopRun(caller, id, close);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status", outcome.status());
        body.put("already_stopped", outcome.alreadyStopped());
        body.put("closed_positions", outcome.closed());
        body.put("open_positions", outcome.remaining().stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("symbol", p.symbol());
            row.put("status", p.status().name().toLowerCase(Locale.ROOT));
            row.put("long_tokens", p.longLeg().tokens());
            row.put("short_tokens", p.shortLeg().tokens());
            row.put("exit_reason", p.exitReason());
            return row;
        }).toList());
        if (outcome.alreadyStopped()) {
            body.put("detail", "run " + id + " was already stopped; nothing changed");
        } else if (!outcome.remaining().isEmpty()) {
            body.put("detail", "the run makes no new entries and keeps watching" + (close ? " and closing" : "")
                    + " its " + outcome.remaining().size() + " remaining position(s) until it is flat");
        }
        return ApiResponse.ok(body);
    }

    /** Saved strategy configs the caller owns (admins: everyone's). */
    public ApiResponse configs(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StrategyConfigRepository.SavedConfig config : control.configs(caller)) {
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
        String strategy = RequestBodies.requiredText(request, "strategy", 64);
        Map<String, Object> settings = RequestBodies.mapping(request, "config");
        StrategyConfigRepository.SavedConfig saved = control.saveConfig(caller, name, strategy, settings);
        return new ApiResponse(201, Map.of("id", saved.id(), "name", saved.name(), "strategy", saved.strategy()));
    }

    /** Creates a run from a saved config for {@code account} (the caller's default when absent) and starts it. */
    public ApiResponse runConfig(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("configId") String configId, @Header("account") String account) throws Exception {
        long id;
        try {
            id = Long.parseLong(configId);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("configId", "config id must be a number");
        }
        return new ApiResponse(201, runJson(control.runConfig(caller, id, account)));
    }

    public ApiResponse strategyLogs(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("id") String id, @Header("lines") String lines) throws SQLException {
        int count = QueryParameters.integer("lines", lines, 100, 1, 500);
        return ApiResponse.ok(Map.of("id", id, "lines", control.runLogs(caller, id, count)));
    }

    public ApiResponse limits(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller) {
        return ApiResponse.ok(control.limits(caller));
    }

    /** The kill switch (admins): every account, or one ({@code account}). */
    public ApiResponse halt(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Header("reason") String reason,
            @Header("account") String account) {
        ControlService.HaltOutcome outcome = control.halt(caller, account,
                reason == null ? "halt via the control API" : reason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trading_state", outcome.report().state().name());
        if (!outcome.global()) {
            body.put("account", outcome.scope());
        }
        body.put("cancelled_orders", outcome.report().cancelled());
        body.put("failed_cancels", outcome.report().failed());
        return ApiResponse.ok(body);
    }

    /** Lifts the global halt, or one account's ({@code account}, e.g. after its daily loss limit); admins only. */
    public ApiResponse resume(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller,
            @Header("reason") String reason, @Header("account") String account) {
        ControlService.ResumeOutcome outcome = control.resume(caller, account,
                reason == null ? "resume via the control API" : reason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trading_state", outcome.state().name());
        if (!outcome.global()) {
            body.put("account", outcome.scope());
        }
        return ApiResponse.ok(body);
    }

    static Map<String, Object> runJson(RunView run) {
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

    static List<Map<String, Object>> accountsJson(List<AccountAccess.Accessible> accounts) {
        return accounts.stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("account_name", a.name());
            row.put("account_id", a.name());
            row.put("owner", a.owner());
            row.put("is_active", a.active());
            row.put("created_at", a.createdAt());
            return row;
        }).toList();
    }

    static Map<String, Object> positionJson(AccountPosition held) {
        ArbPosition p = held.position();
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
        row.put("account_name", held.account());
        return row;
    }

    private static Map<String, Object> legJson(ArbLeg leg) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("side", leg.side() == Side.BUY ? "long" : "short");
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
