package dev.perpflow.app.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingRepository;
import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.MarketStats;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** routes/maintenance.camel.yaml: retention and stale market data as camel-sql statements, on a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceRoutesTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private TestDatabase db;
    private FundingRepository funding;
    private FundingQueries queries;
    private int venueId;
    private YamlRoutes routes;

    @BeforeAll
    void start() throws Exception {
        db = TestDatabase.start();
        VenueRepository venues = new VenueRepository(db.database().dataSource());
        funding = new FundingRepository(db.database().dataSource());
        queries = new FundingQueries(db.database().dataSource());
        venueId = venues.register("sim-x", "Sim X", null, true, BigDecimal.ZERO, BigDecimal.ZERO, 60);
        routes = new YamlRoutes(Map.of("dataSource", db.database().dataSource()), Map.of(
                "perpflow.maintenance.retention-cron", "0 0 2 * * ?",
                "perpflow.maintenance.stale-check-cron", "0 * * * * ?",
                "perpflow.retention.funding-rates-days", "90",
                "perpflow.retention.collection-logs-days", "30",
                "perpflow.retention.events-days", "30",
                "perpflow.market-data.stale-minutes", "10"), "maintenance.camel.yaml")
                .replaceFrom("maintenance-retention").replaceFrom("maintenance-stale-market-data").start();
    }

    @AfterAll
    void stop() {
        routes.close();
        db.close();
    }

    @Test
    void retentionDeletesOnlyOldHistoryLogsEventsAndNotifications() throws Exception {
        funding.storeRound(venueId, round(NOW.minus(Duration.ofDays(91)), "OLD"));
        funding.storeRound(venueId, round(NOW.minus(Duration.ofDays(89)), "OLD"));
        db.execute("INSERT INTO domain_events (event_type, level, occurred_at, published_at) VALUES "
                + "('old', 'info', now() - interval '40 days', now() - interval '31 days'), "
                + "('recent', 'info', now() - interval '40 days', now() - interval '29 days'), "
                + "('unpublished', 'info', now() - interval '40 days', NULL)");

        routes.send("maintenance-retention", null, Map.of());

        assertThat(db.count("SELECT count(*) FROM funding_rates f JOIN symbols s ON s.id = f.symbol_id "
                + "WHERE s.symbol = 'OLD'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM collection_logs WHERE started_at < ?",
                Timestamp.from(NOW.minus(Duration.ofDays(30))))).isZero();
        assertThat(db.count("SELECT count(*) FROM domain_events WHERE event_type = 'old'")).isZero();
        assertThat(db.count("SELECT count(*) FROM domain_events WHERE event_type IN ('recent', 'unpublished')"))
                .isEqualTo(2);
    }

    @Test
    void staleMarketDataIsClearedButFreshIsKept() throws Exception {
        funding.storeRound(venueId, round(NOW.minus(Duration.ofMinutes(11)), "STALE"));
        funding.storeRound(venueId, round(NOW.minus(Duration.ofMinutes(5)), "FRESH"));

        routes.send("maintenance-stale-market-data", null, Map.of());

        assertThat(queries.latestRates("sim-x", "STALE")).singleElement()
                .satisfies(r -> assertThat(r.volume24h()).isNull());
        assertThat(queries.latestRates("sim-x", "FRESH")).singleElement()
                .satisfies(r -> assertThat(r.volume24h()).isEqualByComparingTo("1000000"));
    }

    private static FundingSnapshot round(Instant at, String... symbols) {
        List<FundingRate> rates = java.util.Arrays.stream(symbols).map(s -> new FundingRate("sim-x", s,
                new BigDecimal("0.0000125"), 1, null, new BigDecimal("100"), new BigDecimal("99.9"),
                at.plusSeconds(3600), at)).toList();
        List<MarketStats> stats = java.util.Arrays.stream(symbols)
                .map(s -> new MarketStats("sim-x", s, new BigDecimal("1000000"), new BigDecimal("250000"), at)).toList();
        return new FundingSnapshot("sim-x", rates, stats, at, Duration.ofMillis(42));
    }
}
