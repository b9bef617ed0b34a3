package dev.perpflow.app.bench;

import dev.perpflow.app.persistence.FundingRepository;
import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.MarketStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ingestion throughput of funding rounds into a real (embedded) PostgreSQL: 8 venues × 500 symbols per round,
 * each venue round one statement. Target: ≥ 20,000 funding rows/s. Run:
 * {@code mvn -B -pl app -Pbenchmark verify -DskipTests} (see docs/PERFORMANCE.md). A database benchmark, so a
 * plain timed main rather than JMH: the cost is PostgreSQL's, not the JVM's.
 */
public final class FundingIngestionBenchmark {

    static final int VENUES = 8;
    static final int SYMBOLS = 500;
    static final int WARMUP_ROUNDS = 20;
    static final int MEASURED_ROUNDS = 100;

    private FundingIngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (TestDatabase db = TestDatabase.start()) {
            VenueRepository venues = new VenueRepository(db.database().dataSource());
            FundingRepository funding = new FundingRepository(db.database().dataSource());
            int[] ids = new int[VENUES];
            for (int v = 0; v < VENUES; v++) {
                ids[v] = venues.register("bench-" + v, "Bench " + v, null, true, BigDecimal.ZERO, BigDecimal.ZERO, 60);
            }
            SplittableRandom random = new SplittableRandom(7);
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                storeAllVenues(funding, ids, start.plusSeconds(round * 60L), random);
            }
            long[] roundNanos = new long[MEASURED_ROUNDS * VENUES];
            long began = System.nanoTime();
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                Instant at = start.plusSeconds((WARMUP_ROUNDS + round) * 60L);
                for (int v = 0; v < VENUES; v++) {
                    FundingSnapshot snapshot = snapshot("bench-" + v, at, random);
                    long t0 = System.nanoTime();
                    funding.storeRound(ids[v], snapshot);
                    roundNanos[round * VENUES + v] = System.nanoTime() - t0;
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long rows = (long) MEASURED_ROUNDS * VENUES * SYMBOLS;
            Arrays.sort(roundNanos);
            System.out.printf("funding ingestion: %d rows in %.2f s = %.0f rows/s; venue round (%d rows, 1 statement): "
                            + "p50 %.1f ms, p99 %.1f ms%n", rows, seconds, rows / seconds, SYMBOLS,
                    roundNanos[roundNanos.length / 2] / 1e6, roundNanos[(int) (roundNanos.length * 0.99)] / 1e6);
            System.out.printf("stored history rows: %d%n", db.count("SELECT count(*) FROM funding_rates"));
        }
    }

    private static void storeAllVenues(FundingRepository funding, int[] ids, Instant at, SplittableRandom random)
            throws Exception {
        for (int v = 0; v < VENUES; v++) {
            funding.storeRound(ids[v], snapshot("bench-" + v, at, random));
        }
    }

    private static FundingSnapshot snapshot(String venue, Instant at, SplittableRandom random) {
        List<FundingRate> rates = new ArrayList<>(SYMBOLS);
        List<MarketStats> stats = new ArrayList<>(SYMBOLS);
        for (int s = 0; s < SYMBOLS; s++) {
            BigDecimal mark = BigDecimal.valueOf(random.nextLong(1, 100_000_000), 4);
            rates.add(new FundingRate(venue, "SYM" + s, BigDecimal.valueOf(random.nextLong(-5_000, 5_000), 8), 8,
                    null, mark, mark, at.plus(Duration.ofHours(8)), at));
            stats.add(new MarketStats(venue, "SYM" + s, BigDecimal.valueOf(random.nextLong(1_000_000_000L), 2),
                    BigDecimal.valueOf(random.nextLong(1_000_000_000L), 2), at));
        }
        return new FundingSnapshot(venue, rates, stats, at, Duration.ofMillis(25));
    }
}
