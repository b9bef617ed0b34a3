package dev.perpflow.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.funding.Maintenance;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.MarketStats;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Funding rounds, failures and maintenance against a real, migrated PostgreSQL. */
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
    void retentionDeletesOnlyOldHistoryAndLogs() throws Exception {
        Instant old = NOW.minus(Duration.ofDays(91));
        funding.storeRound(venueId, round(old, "OLD"));
        funding.storeRound(venueId, round(NOW.minus(Duration.ofDays(89)), "OLD"));
        Maintenance maintenance = new Maintenance(new MaintenanceRepository(db.database().dataSource()),
                Duration.ofDays(90), Duration.ofDays(30), Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
        maintenance.applyRetention();
        assertThat(db.count("SELECT count(*) FROM funding_rates f JOIN symbols s ON s.id = f.symbol_id "
                + "WHERE s.symbol = 'OLD'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM collection_logs WHERE started_at < ?",
                java.sql.Timestamp.from(NOW.minus(Duration.ofDays(30))))).isZero();
    }

    @Test
    void staleMarketDataIsClearedButFreshIsKept() throws Exception {
        funding.storeRound(venueId, round(NOW.minus(Duration.ofMinutes(11)), "STALE"));
        funding.storeRound(venueId, round(NOW.minus(Duration.ofMinutes(5)), "FRESH"));
        new Maintenance(new MaintenanceRepository(db.database().dataSource()), Duration.ofDays(90),
                Duration.ofDays(30), Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC)).clearStaleMarketData();
        assertThat(queries.latestRates("sim-x", "STALE")).singleElement()
                .satisfies(r -> assertThat(r.volume24h()).isNull());
        assertThat(queries.latestRates("sim-x", "FRESH")).singleElement()
                .satisfies(r -> assertThat(r.volume24h()).isEqualByComparingTo("1000000"));
    }
}
