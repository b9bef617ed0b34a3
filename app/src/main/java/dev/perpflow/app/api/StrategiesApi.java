package dev.perpflow.app.api;

import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.fundingarb.FundingArbRuns;
import dev.perpflow.app.grid.GridRuns;
import dev.perpflow.app.strategy.StrategyRuntime;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * {@code /api/v1/strategies/{id}} and {@code /strategies/{id}/events}: a grid run's full status (config, venue
 * position, margin) and events, or a funding-arbitrage run's summary with its config ({@code parameters}) and its
 * event log. Like every {@code /strategies/{id}…} endpoint,
 * a run of an account the caller may not use answers 403, a run that does not exist 404 (admins and the bootstrap
 * key reach every run).
 */
public class StrategiesApi {

    private final GridRuns grids;
    private final FundingArbRuns arbs;
    private final StrategyRuntime runtime;
    private final AccountAccess access;

    public StrategiesApi(GridRuns grids, FundingArbRuns arbs, StrategyRuntime runtime, AccountAccess access) {
        this.grids = grids;
        this.arbs = arbs;
        this.runtime = runtime;
        this.access = access;
    }

    public ApiResponse status(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Header("id") String id)
            throws SQLException {
        StrategyRuntime.RunView run = requireRun(caller, id);
        if (run.strategy().equals("grid")) {
            return ApiResponse.ok(grids.status(id));
        }
        Map<String, Object> body = ControlApi.runJson(run);
        arbs.runs().findRun(id).ifPresent(stored -> body.put("parameters", stored.config()));
        return ApiResponse.ok(body);
    }

    public ApiResponse events(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Header("id") String id,
            @Header("limit") String limit) throws SQLException {
        int max = QueryParameters.integer("limit", limit, 100, 1, 1000);
        StrategyRuntime.RunView run = requireRun(caller, id);
        List<Map<String, Object>> events = run.strategy().equals("grid") ? grids.events(id, max)
                : arbs.runs().events(id, max);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("events", events);
        body.put("count", events.size());
        return ApiResponse.ok(body);
    }

    /** The run, if the caller may see it: 404 when there is none, 403 when its account is another user's. */
    private StrategyRuntime.RunView requireRun(Principal caller, String id) throws SQLException {
        StrategyRuntime.RunView run = runtime.view(id)
                .orElseThrow(() -> new NotFoundException("no strategy run '" + id + "'"));
        if (!access.canUse(caller, run.account())) {
            throw new ApiResponseException(new ApiResponse(403, Map.of("detail",
                    new StrategyRuntime.RunForbiddenException(id).getMessage())));
        }
        return run;
    }
}
