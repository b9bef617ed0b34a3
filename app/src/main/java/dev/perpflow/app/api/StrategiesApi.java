package dev.perpflow.app.api;

import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.control.ControlService;
import dev.perpflow.app.grid.GridRuns;
import dev.perpflow.app.strategy.StrategyRunRepository;
import dev.perpflow.app.strategy.StrategyRuntime.RunView;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * {@code /api/v1/strategies/{id}} and {@code /strategies/{id}/events}: a grid run's full status (config, venue
 * position, margin) or a funding-arbitrage run's summary with its config ({@code parameters}), and any run's events.
 * Like every {@code /strategies/{id}…} endpoint, a run of an account the caller may not use answers 403, a run that
 * does not exist 404 (admins and the bootstrap key reach every run): the {@link ControlService} decides.
 */
public class StrategiesApi {

    private final GridRuns grids;
    private final ControlService control;

    public StrategiesApi(GridRuns grids, ControlService control) {
        this.grids = grids;
        this.control = control;
    }

    public ApiResponse status(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Header("id") String id)
            throws SQLException {
        RunView run = control.run(caller, id);
        if (run.strategy().equals(GridRuns.STRATEGY)) {
            return ApiResponse.ok(grids.status(id));
        }
        Map<String, Object> body = ControlApi.runJson(run);
        body.put("parameters", control.runParameters(caller, id));
        return ApiResponse.ok(body);
    }

    public ApiResponse events(@ExchangeProperty(ApiKeyCheck.PRINCIPAL) Principal caller, @Header("id") String id,
            @Header("limit") String limit) throws SQLException {
        int max = QueryParameters.integer("limit", limit, 100, 1, 1000);
        List<StrategyRunRepository.RunEvent> events = control.runEvents(caller, id, max);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("events", events);
        body.put("count", events.size());
        return ApiResponse.ok(body);
    }
}
