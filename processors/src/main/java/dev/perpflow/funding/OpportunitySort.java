package dev.perpflow.funding;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The keys opportunities can be sorted by, with the API names the seed used. */
public enum OpportunitySort {
    NET_PROFIT_PERCENT(Opportunity::netProfitPercent),
    ANNUALIZED_APY(Opportunity::annualizedApy),
    DIVERGENCE(Opportunity::divergence),
    ESTIMATED_FEES(Opportunity::estimatedFees),
    LONG_RATE(Opportunity::longRate),
    SHORT_RATE(Opportunity::shortRate),
    MIN_VOLUME_24H(Opportunity::minVolume24h),
    MIN_OI_USD(Opportunity::minOiUsd),
    MAX_OI_USD(Opportunity::maxOiUsd),
    OI_RATIO(Opportunity::oiRatio),
    AVG_SPREAD_BPS(Opportunity::avgSpreadBps),
    SYMBOL(Opportunity::symbol);

    private final Function<Opportunity, ? extends Comparable<?>> key;

    OpportunitySort(Function<Opportunity, ? extends Comparable<?>> key) {
        this.key = key;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OpportunitySort> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equalsIgnoreCase(name)).findFirst();
    }

    public static String apiNames() {
        return Arrays.stream(values()).map(OpportunitySort::apiName).collect(Collectors.joining(", "));
    }

    /** Orders by this key, descending or ascending, with missing values last either way. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<Opportunity> comparator(boolean descending) {
        Comparator<Comparable> natural = descending ? Comparator.<Comparable>reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(o -> (Comparable) key.apply(o), Comparator.nullsLast(natural));
    }
}
