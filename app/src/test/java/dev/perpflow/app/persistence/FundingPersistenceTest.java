package dev.perpflow.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.MarketStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Funding rounds and failures against a real, migrated PostgreSQL (maintenance: MaintenanceRoutesTest). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingPersistenceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private TestDatabase db;
    private VenueRepository venues;
    private FundingRepository funding;
    private FundingQueries queries;
    private int venueId;

    @BeforeAll
    void start() throws Exception {
        db = TestDatabase.start();
        venues = new VenueRepository(db.database().dataSource());
        funding = new FundingRepository(db.database().dataSource());
        queries = new FundingQueries(db.database().dataSource());
        venueId = venues.register("sim-x", "Sim X", null, true, new BigDecimal("0.02"), new BigDecimal("0.05"), 60);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private static FundingSnapshot round(Instant at, String... symbols) {
        List<FundingRate> rates = java.util.Arrays.stream(symbols).map(s -> new FundingRate("sim-x", s,
                new BigDecimal("0.0000125"), 1, new BigDecimal("0.00001"), new BigDecimal("100"), new BigDecimal("99.9"),
                at.plusSeconds(3600), at)).toList();
        List<MarketStats> stats = java.util.Arrays.stream(symbols)
                .map(s -> new MarketStats("sim-x", s, new BigDecimal("1000000"), new BigDecimal("250000"), at)).toList();
        return new FundingSnapshot("sim-x", rates, stats, at, Duration.ofMillis(42));
    }

    @Test
    void aRoundWritesHistoryLatestMarketDataLogAndHealth() throws Exception {
        funding.storeRound(venueId, round(NOW, "AAA", "2Z", "Z"));
        assertThat(db.count("SELECT count(*) FROM funding_rates f JOIN symbols s ON s.id = f.symbol_id "
                + "WHERE s.symbol IN ('AAA', '2Z', 'Z') AND f.interval_hours = 1 AND f.mark_price = 100 "
                + "AND f.volume_24h = 1000000 AND f.collection_latency_ms = 42")).isEqualTo(3);
        assertThat(queries.latestRates("sim-x", "2Z")).singleElement().satisfies(r -> {
            assertThat(r.rate()).isEqualByComparingTo("0.0000125");
            assertThat(r.intervalHours()).isEqualTo(1);
            assertThat(r.openInterestUsd()).isEqualByComparingTo("250000");
        });
        assertThat(db.count("SELECT count(*) FROM collection_logs WHERE dex_id = ? AND status = 'success' "
                + "AND symbols_fetched = 3", venueId)).isPositive();
        assertThat(venues.findByName("SIM-X")).get().satisfies(v -> {
            assertThat(v.lastSuccessfulFetch()).isEqualTo(NOW);
            assertThat(v.consecutiveErrors()).isZero();
        });
    }

    @Test
    void aFailedRoundIsLoggedAndCountsConsecutiveErrors() throws Exception {
        int other = venues.register("sim-y", "Sim Y", null, true, BigDecimal.ZERO, BigDecimal.ZERO, 60);
        funding.recordFailure(other, NOW, "sim-y: rate limited");
        funding.recordFailure(other, NOW, "sim-y: rate limited");
        assertThat(venues.findByName("sim-y")).get().satisfies(v -> {
            assertThat(v.consecutiveErrors()).isEqualTo(2);
            assertThat(v.lastError()).isEqualTo("sim-y: rate limited");
        });
        assertThat(db.count("SELECT count(*) FROM collection_logs WHERE dex_id = ? AND status = 'failed'", other))
                .isEqualTo(2);
    }

    @Test
    void aRoundAndItsStoredEventAreWrittenTogether() throws Exception {
        long before = db.count("SELECT count(*) FROM domain_events WHERE event_type = 'funding_round_stored'");
        int written = funding.storeRound(venueId, round(NOW.plusSeconds(60), "EVT1", "EVT2"));
        assertThat(written).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM domain_events WHERE event_type = 'funding_round_stored' "
                + "AND payload->>'venue' = 'sim-x' AND (payload->>'rates_stored')::int = 2 AND account IS NULL "
                + "AND published_at IS NULL")).isEqualTo(before + 1);
    }

    @Test
    void concurrentFirstRoundsOfSeveralVenuesListingTheSameNewSymbolsAreAllStored() throws Exception {
        // seen on every fresh dev start: one venue's whole round joined to no symbol rows and was lost
        int venuesCount = 6;
        List<String> symbols = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "RACE" + i).toList();
        int[] ids = new int[venuesCount];
        for (int v = 0; v < venuesCount; v++) {
            ids[v] = venues.register("race-" + v, "Race " + v, null, true, BigDecimal.ZERO, BigDecimal.ZERO, 60);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant at = NOW.plusSeconds(3600L * (attempt + 1));
            List<String> listed = symbols.stream().map(s -> s + "X" + at.getEpochSecond()).toList();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(venuesCount);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(venuesCount);
            List<java.util.concurrent.Future<Integer>> written = new java.util.ArrayList<>();
            for (int v = 0; v < venuesCount; v++) {
                int venue = v;
                // each venue lists the new symbols in its own order
                List<String> order = new java.util.ArrayList<>(listed);
                java.util.Collections.rotate(order, venue * 7);
                written.add(pool.submit(() -> {
                    start.await();
                    return funding.storeRound(ids[venue], roundOf("race-" + venue, at, order));
                }));
            }
            for (java.util.concurrent.Future<Integer> w : written) {
                assertThat(w.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(listed.size());
            }
            pool.shutdown();
            for (int v = 0; v < venuesCount; v++) {
                assertThat(db.count("SELECT count(*) FROM funding_rates f JOIN symbols s ON s.id = f.symbol_id "
                        + "WHERE f.dex_id = ? AND f.time = ? AND s.symbol LIKE 'RACE%'", ids[v],
                        java.sql.Timestamp.from(at))).as("history of race-%d, attempt %d", v, attempt)
                        .isEqualTo(listed.size());
                assertThat(db.count("SELECT count(*) FROM latest_funding_rates l JOIN symbols s ON s.id = l.symbol_id "
                        + "WHERE l.dex_id = ? AND s.symbol LIKE ?", ids[v], "RACE%X" + at.getEpochSecond()))
                        .as("latest rates of race-%d, attempt %d", v, attempt).isEqualTo(listed.size());
            }
        }
    }

    private static FundingSnapshot roundOf(String venue, Instant at, List<String> symbols) {
        List<FundingRate> rates = symbols.stream().map(s -> new FundingRate(venue, s, new BigDecimal("0.0001"), 8,
                null, new BigDecimal("100"), new BigDecimal("100"), at.plusSeconds(3600), at)).toList();
        return new FundingSnapshot(venue, rates, List.of(), at, Duration.ofMillis(5));
    }
}
