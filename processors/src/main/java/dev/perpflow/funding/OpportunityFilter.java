package dev.perpflow.funding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which opportunities to keep, with the seed's fields and defaults. Venue names are compared case-insensitively;
 * empty lists and {@code null} values mean "no constraint". Volume, open-interest and spread bounds apply only
 * where both legs report the figure, as the seed does.
 *
 * @param dexPair   both legs must be these two venues
 * @param minProfit minimum net rate per 8 h after fees (a fraction, the seed's {@code min_profit})
 * @param minApy    minimum annualized APY in percent
 */
public record OpportunityFilter(
        String symbol,
        String dex,
        List<String> dexPair,
        List<String> dexes,
        List<String> whitelistDexes,
        List<String> excludeDexes,
        String requiredDex,
        BigDecimal minDivergence,
        BigDecimal minProfit,
        BigDecimal minApy,
        BigDecimal minVolume24h,
        BigDecimal maxVolume24h,
        BigDecimal minOiUsd,
        BigDecimal maxOiUsd,
        BigDecimal oiRatioMin,
        BigDecimal oiRatioMax,
        String oiImbalance,
        Integer maxSpreadBps,
        int limit,
        OpportunitySort sortBy,
        boolean sortDesc) {

    public static final BigDecimal DEFAULT_MIN_DIVERGENCE = new BigDecimal("0.0001");
    public static final int DEFAULT_LIMIT = 10;
    public static final List<String> IMBALANCES = List.of("long_heavy", "short_heavy", "balanced");

    public OpportunityFilter {
        dexPair = lower(dexPair);
        dexes = lower(dexes);
        whitelistDexes = lower(whitelistDexes);
        excludeDexes = lower(excludeDexes);
        dex = lower(dex);
        requiredDex = lower(requiredDex);
        oiImbalance = lower(oiImbalance);
        minDivergence = minDivergence == null ? DEFAULT_MIN_DIVERGENCE : minDivergence;
        minProfit = minProfit == null ? BigDecimal.ZERO : minProfit;
        sortBy = sortBy == null ? OpportunitySort.NET_PROFIT_PERCENT : sortBy;
    }

    public static OpportunityFilter defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.symbol = symbol;
        b.dex = dex;
        b.dexPair = dexPair;
        b.dexes = dexes;
        b.whitelistDexes = whitelistDexes;
        b.excludeDexes = excludeDexes;
        b.requiredDex = requiredDex;
        b.minDivergence = minDivergence;
        b.minProfit = minProfit;
        b.minApy = minApy;
        b.minVolume24h = minVolume24h;
        b.maxVolume24h = maxVolume24h;
        b.minOiUsd = minOiUsd;
        b.maxOiUsd = maxOiUsd;
        b.oiRatioMin = oiRatioMin;
        b.oiRatioMax = oiRatioMax;
        b.oiImbalance = oiImbalance;
        b.maxSpreadBps = maxSpreadBps;
        b.limit = limit;
        b.sortBy = sortBy;
        b.sortDesc = sortDesc;
        return b;
    }

    /** The first problem with this filter, naming the field as the API spells it; empty when valid. */
    public Optional<String> problem() {
        if (limit < 1) {
            return Optional.of("limit must be at least 1");
        }
        if (!dexPair.isEmpty() && (dexPair.size() != 2 || dexPair.get(0).equals(dexPair.get(1)))) {
            return Optional.of("dex_pair must name two different venues, like aster,lighter");
        }
        if (oiImbalance != null && !IMBALANCES.contains(oiImbalance)) {
            return Optional.of("oi_imbalance must be one of " + String.join(", ", IMBALANCES));
        }
        if (minVolume24h != null && maxVolume24h != null && minVolume24h.compareTo(maxVolume24h) > 0) {
            return Optional.of("min_volume must not exceed max_volume");
        }
        if (minOiUsd != null && maxOiUsd != null && minOiUsd.compareTo(maxOiUsd) > 0) {
            return Optional.of("min_oi must not exceed max_oi");
        }
        if (oiRatioMin != null && oiRatioMax != null && oiRatioMin.compareTo(oiRatioMax) > 0) {
            return Optional.of("oi_ratio_min must not exceed oi_ratio_max");
        }
        return Optional.empty();
    }

    private static List<String> lower(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    /** Fluent construction; unset fields keep the seed's defaults. */
    public static final class Builder {
        private String symbol;
        private String dex;
        private List<String> dexPair = List.of();
        private List<String> dexes = List.of();
        private List<String> whitelistDexes = List.of();
        private List<String> excludeDexes = List.of();
        private String requiredDex;
        private BigDecimal minDivergence = DEFAULT_MIN_DIVERGENCE;
        private BigDecimal minProfit = BigDecimal.ZERO;
        private BigDecimal minApy;
        private BigDecimal minVolume24h;
        private BigDecimal maxVolume24h;
        private BigDecimal minOiUsd;
        private BigDecimal maxOiUsd;
        private BigDecimal oiRatioMin;
        private BigDecimal oiRatioMax;
        private String oiImbalance;
        private Integer maxSpreadBps;
        private int limit = DEFAULT_LIMIT;
        private OpportunitySort sortBy = OpportunitySort.NET_PROFIT_PERCENT;
        private boolean sortDesc = true;

        public Builder symbol(String value) { symbol = value; return this; }
        public Builder dex(String value) { dex = value; return this; }
        public Builder dexPair(List<String> value) { dexPair = value; return this; }
        public Builder dexes(List<String> value) { dexes = value; return this; }
        public Builder whitelistDexes(List<String> value) { whitelistDexes = value; return this; }
        public Builder excludeDexes(List<String> value) { excludeDexes = value; return this; }
        public Builder requiredDex(String value) { requiredDex = value; return this; }
        public Builder minDivergence(BigDecimal value) { minDivergence = value; return this; }
        public Builder minProfit(BigDecimal value) { minProfit = value; return this; }
        public Builder minApy(BigDecimal value) { minApy = value; return this; }
        public Builder minVolume24h(BigDecimal value) { minVolume24h = value; return this; }
        public Builder maxVolume24h(BigDecimal value) { maxVolume24h = value; return this; }
        public Builder minOiUsd(BigDecimal value) { minOiUsd = value; return this; }
        public Builder maxOiUsd(BigDecimal value) { maxOiUsd = value; return this; }
        public Builder oiRatioMin(BigDecimal value) { oiRatioMin = value; return this; }
        public Builder oiRatioMax(BigDecimal value) { oiRatioMax = value; return this; }
        public Builder oiImbalance(String value) { oiImbalance = value; return this; }
        public Builder maxSpreadBps(Integer value) { maxSpreadBps = value; return this; }
        public Builder limit(int value) { limit = value; return this; }
        public Builder sortBy(OpportunitySort value) { sortBy = value; return this; }
        public Builder sortDesc(boolean value) { sortDesc = value; return this; }

        public OpportunityFilter build() {
            return new OpportunityFilter(symbol, dex, dexPair, dexes, whitelistDexes, excludeDexes, requiredDex,
                    minDivergence, minProfit, minApy, minVolume24h, maxVolume24h, minOiUsd, maxOiUsd, oiRatioMin,
                    oiRatioMax, oiImbalance, maxSpreadBps, limit, sortBy, sortDesc);
        }
    }
}
