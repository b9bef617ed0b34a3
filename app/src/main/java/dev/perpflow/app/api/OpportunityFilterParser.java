package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.funding.OpportunityFilter;
import dev.perpflow.funding.OpportunitySort;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the seed's {@code /opportunities} query parameters into an {@link OpportunityFilter}; a bad value is a
 * 400 naming the parameter. Also reports which filters were applied, for the response.
 */
final class OpportunityFilterParser {

    static final int MAX_LIMIT = 100;

    private OpportunityFilterParser() {
    }

    static OpportunityFilter parse(Map<String, Object> query) {
        OpportunityFilter.Builder b = OpportunityFilter.builder()
                .symbol(text(query, "symbol"))
                .dex(text(query, "dex"))
                .dexPair(QueryParameters.lowerCaseList(text(query, "dex_pair")))
                .dexes(QueryParameters.lowerCaseList(text(query, "dexes")))
                .whitelistDexes(QueryParameters.lowerCaseList(text(query, "whitelist_dexes")))
                .excludeDexes(QueryParameters.lowerCaseList(text(query, "exclude_dexes")))
                .requiredDex(text(query, "required_dex"))
                .minDivergence(decimal(query, "min_divergence", OpportunityFilter.DEFAULT_MIN_DIVERGENCE))
                .minProfit(decimal(query, "min_profit", BigDecimal.ZERO))
                .minApy(decimal(query, "min_apy", null))
                .minVolume24h(decimal(query, "min_volume", null))
                .maxVolume24h(decimal(query, "max_volume", null))
                .minOiUsd(decimal(query, "min_oi", null))
                .maxOiUsd(decimal(query, "max_oi", null))
                .oiRatioMin(decimal(query, "oi_ratio_min", null))
                .oiRatioMax(decimal(query, "oi_ratio_max", null))
                .oiImbalance(text(query, "oi_imbalance"))
                .limit(QueryParameters.integer("limit", text(query, "limit"), OpportunityFilter.DEFAULT_LIMIT, 1, MAX_LIMIT))
                .sortDesc(QueryParameters.bool("sort_desc", text(query, "sort_desc"), true));
        String spread = text(query, "max_spread");
        if (spread != null) {
            b.maxSpreadBps(QueryParameters.integer("max_spread", spread, 0, 0, 100_000));
        }
        String sortBy = text(query, "sort_by");
        if (sortBy != null) {
            b.sortBy(OpportunitySort.fromApiName(sortBy).orElseThrow(() -> Refusal.invalid("sort_by",
                    "sort_by '" + sortBy + "' is not one of " + OpportunitySort.apiNames())));
        }
        OpportunityFilter filter = b.build();
        filter.problem().ifPresent(problem -> {
            throw Refusal.invalid(problem.substring(0, problem.indexOf(' ')), problem);
        });
        return filter;
    }

    /** The query parameters that were given, as the seed's {@code filters_applied}. */
    static Map<String, Object> applied(Map<String, Object> query, List<String> names) {
        Map<String, Object> applied = new LinkedHashMap<>();
        for (String name : names) {
            String value = text(query, name);
            if (value != null) {
                applied.put(name, value);
            }
        }
        return applied;
    }

    static final List<String> PARAMETERS = List.of("symbol", "dex", "dex_pair", "dexes", "whitelist_dexes",
            "exclude_dexes", "required_dex", "min_divergence", "min_profit", "min_apy", "min_volume", "max_volume",
            "min_oi", "max_oi", "oi_ratio_min", "oi_ratio_max", "oi_imbalance", "max_spread", "limit", "sort_by",
            "sort_desc");

    static String text(Map<String, Object> query, String name) {
        Object value = query.get(name);
        if (value == null) {
            return null;
        }
        // the HTTP binding splits "a,b" (and repeated parameters) into a list: join it back
        String text = value instanceof Iterable<?> values
                ? String.join(",", java.util.stream.StreamSupport.stream(values.spliterator(), false)
                        .map(String::valueOf).toList())
                : value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal decimal(Map<String, Object> query, String name, BigDecimal defaultValue) {
        return QueryParameters.decimal(name, text(query, name), defaultValue);
    }
}
