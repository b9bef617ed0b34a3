package dev.perpflow.app.api;

import dev.perpflow.app.grid.GridRuns;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;

/** {@code /api/v1/strategies/{id}} and {@code /strategies/{id}/events} (grid runs for now). */
public class StrategiesApi {

    private final GridRuns grids;

    public StrategiesApi(GridRuns grids) {
        this.grids = grids;
    }

    public ApiResponse status(@Header("id") String id) throws SQLException {
        return ApiResponse.ok(grids.status(id));
    }

    public ApiResponse events(@Header("id") String id, @Header("limit") String limit) throws SQLException {
        int max = QueryParameters.integer("limit", limit, 100, 1, 1000);
        List<Map<String, Object>> events = grids.events(id, max);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("events", events);
        body.put("count", events.size());
        return ApiResponse.ok(body);
    }
}
