package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.funding.OpportunityJson;
import dev.perpflow.app.funding.OpportunityService;
import dev.perpflow.app.funding.OpportunityService.Ranking;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.funding.Opportunity;
import dev.perpflow.funding.OpportunityFilter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
import org.apache.camel.Headers;

/** {@code /api/v1/opportunities…}: rankings served from memory, with the seed's keys. */
public class OpportunitiesApi {

    /** The filters {@code /opportunities/best} reads (the seed's); every other query parameter is ignored. */
    static final List<String> BEST_PARAMETERS = List.of("symbol", "dex", "whitelist_dexes", "exclude_dexes",
            "required_dex", "min_profit", "max_oi");

    private final OpportunityService service;
    private final FundingQueries queries;

    public OpportunitiesApi(OpportunityService service, FundingQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    /** {@code GET /opportunities} with every filter of the seed. */
    public ApiResponse list(@Headers Map<String, Object> query) throws SQLException {
        OpportunityFilter filter = OpportunityFilterParser.parse(query);
        Ranking ranking = service.rank(filter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("opportunities", ranking.opportunities().stream().map(OpportunityJson::of).toList());
        body.put("total_count", ranking.opportunities().size());
        body.put("filters_applied", OpportunityFilterParser.applied(query, OpportunityFilterParser.PARAMETERS));
        body.put("generated_at", ranking.generatedAt());
        body.put("excluded_dexes", excluded(ranking));
        return ApiResponse.ok(body);
    }

    /** {@code GET /opportunities/best}: the top opportunity; 404 when nothing qualifies. */
    public ApiResponse best(@Headers Map<String, Object> query) throws SQLException {
        Map<String, Object> allowed = new LinkedHashMap<>();
        for (String name : BEST_PARAMETERS) {
            if (query.containsKey(name)) {
                allowed.put(name, query.get(name));
            }
        }
        allowed.put("limit", "1");
        Ranking ranking = service.rank(OpportunityFilterParser.parse(allowed));
        Opportunity best = ranking.opportunities().stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("no opportunity matches these filters"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("opportunity", OpportunityJson.of(best));
        body.put("rank", 1);
        body.put("generated_at", ranking.generatedAt());
        body.put("excluded_dexes", excluded(ranking));
        return ApiResponse.ok(body);
    }

    /** {@code GET /opportunities/symbol/{symbol}}. */
    public ApiResponse forSymbol(@Header("symbol") String symbol, @Header("min_profit") String minProfit,
            @Header("limit") String limit) throws SQLException {
        if (!queries.symbolExists(symbol)) {
            throw Refusal.notFound("unknown symbol '" + symbol + "'");
        }
        OpportunityFilter filter = OpportunityFilter.builder().symbol(symbol)
                .minProfit(QueryParameters.decimal("min_profit", minProfit, BigDecimal.ZERO))
                .limit(QueryParameters.integer("limit", limit, OpportunityFilter.DEFAULT_LIMIT, 1,
                        OpportunityFilterParser.MAX_LIMIT))
                .build();
        Ranking ranking = service.rank(filter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol.toUpperCase(java.util.Locale.ROOT));
        body.put("opportunities", ranking.opportunities().stream().map(OpportunityJson::of).toList());
        body.put("count", ranking.opportunities().size());
        body.put("generated_at", ranking.generatedAt());
        body.put("excluded_dexes", excluded(ranking));
        return ApiResponse.ok(body);
    }

    private static List<Map<String, String>> excluded(Ranking ranking) {
        return ranking.excludedVenues().entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "reason", e.getValue())).toList();
    }
}
