package dev.perpflow.funding.bench;

import dev.perpflow.funding.FeeSchedule;
import dev.perpflow.funding.LatestRate;
import dev.perpflow.funding.Opportunity;
import dev.perpflow.funding.OpportunityFilter;
import dev.perpflow.funding.OpportunityFinder;
import dev.perpflow.funding.OpportunitySort;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Full re-rank of 500 symbols × 8 venues (every ordered pair), with the default filter and with every filter
 * set. Target: ≤ 20 ms per re-rank. Run: {@code mvn -B -pl processors -Pbenchmark verify} (see
 * docs/PERFORMANCE.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OpportunityFinderBenchmark {

    static final int SYMBOLS = 500;
    static final List<String> VENUES = List.of("aster", "backpack", "lighter", "paradex", "edgex", "grvt",
            "hyperliquid", "sim-a");

    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private final OpportunityFinder finder = new OpportunityFinder(FeeSchedule.defaults());
    private final List<LatestRate> rates = rates();
    private final OpportunityFilter defaults = OpportunityFilter.builder().limit(100).build();
    private final OpportunityFilter everyFilter = OpportunityFilter.builder()
            .excludeDexes(List.of("edgex")).whitelistDexes(VENUES).dexes(List.of("aster", "lighter", "paradex", "grvt"))
            .minDivergence(new BigDecimal("0.00005")).minProfit(new BigDecimal("0.00001")).minApy(new BigDecimal("1"))
            .minVolume24h(new BigDecimal("100000")).maxVolume24h(new BigDecimal("900000000"))
            .minOiUsd(new BigDecimal("50000")).maxOiUsd(new BigDecimal("500000000"))
            .oiRatioMin(new BigDecimal("0.1")).oiRatioMax(new BigDecimal("10")).maxSpreadBps(50)
            .sortBy(OpportunitySort.ANNUALIZED_APY).limit(100).build();

    static List<LatestRate> rates() {
        SplittableRandom random = new SplittableRandom(2026);
        Instant at = Instant.parse("2026-11-24T12:00:00Z");
        int[] intervals = {8, 1, 8, 8, 4, 8, 1, 8};
        List<LatestRate> rates = new ArrayList<>(SYMBOLS * VENUES.size());
        for (int s = 0; s < SYMBOLS; s++) {
            for (int v = 0; v < VENUES.size(); v++) {
                BigDecimal rate = BigDecimal.valueOf(random.nextLong(-3_000, 6_000), 8 + (intervals[v] == 1 ? 1 : 0));
                rates.add(new LatestRate(VENUES.get(v), "SYM" + s, rate, intervals[v],
                        BigDecimal.valueOf(random.nextLong(10_000, 1_000_000_000)),
                        BigDecimal.valueOf(random.nextLong(10_000, 500_000_000)), random.nextInt(1, 80), at));
            }
        }
        return rates;
    }

    @Benchmark
    public List<Opportunity> rankWithDefaultFilter() {
        return finder.find(rates, defaults, now);
    }

    @Benchmark
    public List<Opportunity> rankWithEveryFilter() {
        return finder.find(rates, everyFilter, now);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(OpportunityFinderBenchmark.class.getSimpleName()).build()).run();
    }
}
