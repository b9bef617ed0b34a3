package dev.perpflow.app.api;

import dev.perpflow.app.fundingarb.FundingArbRuns;
import dev.perpflow.app.grid.GridRuns;
import dev.perpflow.app.strategy.StrategyRunRepository;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.config.ConfigException;
import dev.perpflow.execution.Futures;
import dev.perpflow.execution.TradingControl;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.fundingarb.ArbLeg;
import dev.perpflow.fundingarb.ArbPosition;
import dev.perpflow.fundingarb.CloseType;
import dev.perpflow.fundingarb.FundingArbEngine;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The control API (the seed's {@code strategies/control}): status, accounts, positions with live snapshots,
 * balances, manual close with the wide-spread confirmation, config reload, strategy runs and the kill switch.
 * Until users and accounts exist (the accounts issue), the bootstrap key is the admin of one account, {@code default},
 * which holds every run.
 */
public class ControlApi {

    public static final String DEFAULT_ACCOUNT = "default";

    private final FundingArbRuns arbs;
    private final GridRuns grids;
    private final StrategyRunRepository gridRuns;
    private final VenueRegistry venues;
    private final TradingControl control;
    private final Instant startedAt;

    public ControlApi(FundingArbRuns arbs, GridRuns grids, StrategyRunRepository gridRuns, VenueRegistry venues,
            TradingControl control, Instant startedAt) {
        this.arbs = arbs;
        this.grids = grids;
        this.gridRuns = gridRuns;
        this.venues = venues;
        this.control = control;
        this.startedAt = startedAt;
    }

    public ApiResponse status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", "admin");
        body.put("is_admin", true);
        body.put("strategy", FundingArbRuns.STRATEGY);
        body.put("status", "running");
        body.put("trading_state", control.state().name());
        body.put("running_strategies", arbs.runningIds());
        body.put("accessible_accounts", List.of(account()));
        return ApiResponse.ok(body);
    }

    public ApiResponse accounts() {
        Map<String, Object> account = new LinkedHashMap<>(account());
        account.put("user_id", "admin");
        return ApiResponse.ok(Map.of("user", "admin", "is_admin", true, "accounts", List.of(account)));
    }

    public ApiResponse positions(@Header("account_name") String accountName) {
        requireAccount(accountName);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String runId : arbs.runningIds()) {
            arbs.engine(runId).ifPresent(engine -> engine.activePositions().forEach(p -> rows.add(positionJson(p))));
        }
        return ApiResponse.ok(Map.of("account_name", DEFAULT_ACCOUNT, "positions", rows, "count", rows.size()));
    }

    public ApiResponse balances(@Header("account_name") String accountName) {
        requireAccount(accountName);
        Map<String, Object> byVenue = new LinkedHashMap<>();
        for (String venue : venues.enabledNames()) {
            ExchangeClient client = venues.client(venue).orElseThrow();
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
        }
        return ApiResponse.ok(Map.of("account_name", DEFAULT_ACCOUNT, "balances", byVenue));
    }

    public ApiResponse closePosition(@Header("positionId") String positionId, @Body String body) {
        Map<String, Object> request = parse(body, "body");
        String orderType = String.valueOf(request.getOrDefault("order_type", "market")).toLowerCase(Locale.ROOT);
        if (!orderType.equals("market") && !orderType.equals("limit")) {
            throw new BadRequestException("order_type", "order_type must be market or limit, got '" + orderType + "'");
        }
        String reason = String.valueOf(request.getOrDefault("reason", "manual_close"));
        Object confirm = request.getOrDefault("confirm_wide_spread", false);
        if (!(confirm instanceof Boolean)) {
            throw new BadRequestException("confirm_wide_spread", "confirm_wide_spread must be true or false");
        }
        ArbPosition position = arbs.positions().find(positionId)
                .orElseThrow(() -> new NotFoundException("no position '" + positionId + "'"));
        FundingArbEngine engine = arbs.engine(position.runId()).orElseThrow(() -> new ApiResponseException(
                new ApiResponse(503, Map.of("detail", "the run of position " + positionId + " is not running"))));
        if (!position.status().isActive() || position.status() == ArbPosition.Status.OPENING) {
            throw new BadRequestException("positionId", "position " + positionId + " is "
                    + position.status().name().toLowerCase(Locale.ROOT) + ", not open");
        }
        FundingArbEngine.CloseResult result = engine.close(positionId, orderType.equals("market") ? CloseType.MARKET
                : CloseType.LIMIT, reason, (Boolean) confirm);
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
        }
        return ApiResponse.ok(answer);
    }

    /** Re-applies every running funding-arbitrage run's stored config (the seed re-read its YAML file). */
    public ApiResponse reloadConfig() throws SQLException {
        List<String> reloaded = new ArrayList<>();
        for (String runId : arbs.runningIds()) {
            StrategyRunRepository.StoredRun run = arbs.runs().findRun(runId).orElseThrow();
            arbs.reload(runId, arbs.sourceConfig(runId).orElse(run.config()));
            reloaded.add(runId);
        }
        return ApiResponse.ok(Map.of("success", true, "reloaded", reloaded));
    }

    public ApiResponse strategies() throws SQLException {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (StrategyRunRepository repository : List.of(arbs.runs(), gridRuns)) {
            for (StrategyRunRepository.StoredRun run : repository.all()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", run.id());
                row.put("strategy", repository.strategy());
                row.put("status", run.status());
                row.put("venue", run.venue());
                row.put("started_at", run.startedAt());
                runs.add(row);
            }
        }
        return ApiResponse.ok(Map.of("strategies", runs, "count", runs.size()));
    }

    /** Creates a run from a YAML (or JSON) body {@code {id?, strategy, config}}; it starts with {@code /start}. */
    public ApiResponse createStrategy(@Body String body) throws SQLException {
        Map<String, Object> request = parse(body, "body");
        String strategy = String.valueOf(request.get("strategy"));
        Object config = request.get("config");
        if (!(config instanceof Map)) {
            throw new BadRequestException("config", "config must be a mapping of the strategy's keys");
        }
        String id = request.get("id") == null ? strategy.replace('_', '-') + "-" + UUID.randomUUID().toString()
                .substring(0, 8) : String.valueOf(request.get("id"));
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new BadRequestException("id", "id must be 1-64 letters, digits, '-' or '_'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) config;
        try {
            switch (strategy) {
                case FundingArbRuns.STRATEGY -> {
                    dev.perpflow.fundingarb.FundingArbConfig.fromMap(settings);
                    arbs.runs().create(id, String.valueOf(settings.get("scan_exchanges")), settings, Instant.now());
                }
                case "grid" -> {
                    dev.perpflow.grid.GridConfig grid = dev.perpflow.grid.GridConfig.fromMap(settings);
                    gridRuns.create(id, grid.venue(), settings, Instant.now());
                }
                default -> throw new BadRequestException("strategy", "strategy must be funding_arbitrage or grid");
            }
        } catch (ConfigException e) {
            throw new BadRequestException("config", e.getMessage());
        } catch (IllegalStateException e) {
            throw new BadRequestException("id", e.getMessage());
        }
        return new ApiResponse(201, Map.of("id", id, "strategy", strategy, "status", "stopped"));
    }

    public ApiResponse startStrategy(@Header("id") String id) throws Exception {
        try {
            if (arbs.runs().findRun(id).isPresent()) {
                arbs.start(id, arbs.runs().findRun(id).get().config());
            } else if (gridRuns.findRun(id).isPresent()) {
                grids.start(id, gridRuns.findRun(id).get().config());
            } else {
                throw new NotFoundException("no strategy run '" + id + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("config", e.getMessage());
        }
        return ApiResponse.ok(Map.of("id", id, "status", "running"));
    }

    public ApiResponse stopStrategy(@Header("id") String id, @Header("close_positions") String closePositions)
            throws Exception {
        boolean close = QueryParameters.bool("close_positions", closePositions, false);
        if (arbs.runs().findRun(id).isPresent()) {
            int closed = arbs.stop(id, close);
            return ApiResponse.ok(Map.of("id", id, "status", "stopped", "closed_positions", closed));
        }
        if (gridRuns.findRun(id).isPresent()) {
            grids.stop(id);
            return ApiResponse.ok(Map.of("id", id, "status", "stopped"));
        }
        throw new NotFoundException("no strategy run '" + id + "'");
    }

    public ApiResponse halt(@Header("reason") String reason) {
        Futures.await(control.halt(reason == null ? "halt via the control API" : reason), Duration.ofSeconds(30));
        return ApiResponse.ok(Map.of("trading_state", control.state().name()));
    }

    public ApiResponse resume(@Header("reason") String reason) {
        control.resume(reason == null ? "resume via the control API" : reason);
        return ApiResponse.ok(Map.of("trading_state", control.state().name()));
    }

    private Map<String, Object> account() {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("account_name", DEFAULT_ACCOUNT);
        account.put("account_id", DEFAULT_ACCOUNT);
        account.put("is_active", true);
        account.put("created_at", startedAt);
        return account;
    }

    private static void requireAccount(String accountName) {
        if (accountName != null && !accountName.isBlank() && !accountName.equals(DEFAULT_ACCOUNT)) {
            throw new NotFoundException("no account '" + accountName + "'");
        }
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
        row.put("net_pnl_usd", p.netFundingPnl().add(unrealized(p.longLeg())).add(unrealized(p.shortLeg())));
        row.put("legs", Map.of(p.longDex(), legJson(p.longLeg()), p.shortDex(), legJson(p.shortLeg())));
        return row;
    }

    private static java.math.BigDecimal unrealized(ArbLeg leg) {
        return leg.snapshot() == null || leg.snapshot().unrealizedPnl() == null ? java.math.BigDecimal.ZERO
                : leg.snapshot().unrealizedPnl();
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body, String parameter) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = new Load(LoadSettings.builder().build()).loadFromString(body);
        } catch (RuntimeException e) {
            throw new BadRequestException(parameter, "body is not valid JSON or YAML: " + e.getMessage().lines()
                    .findFirst().orElse(""));
        }
        if (!(parsed instanceof Map)) {
            throw new BadRequestException(parameter, "body must be a JSON object");
        }
        return (Map<String, Object>) parsed;
    }
}
