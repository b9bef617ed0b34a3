package dev.perpflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole application on the test profile: migrations applied, sim funding rates collected into the database,
 * health endpoints reporting the database and every sim venue.
 */
class AppBootsOnTestProfileTest extends AppTestSupport {

    @Test
    void runsOnTheTestProfile() {
        assertThat(context.getCamelContextExtension().getProfile()).isEqualTo("test");
    }

    @Test
    void appliesTheMarketDataMigrations() throws Exception {
        List<String> tables = queryStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        assertThat(tables).contains("dexes", "symbols", "dex_symbols", "funding_rates", "latest_funding_rates",
                "collection_logs", "flyway_schema_history");
    }

    @Test
    void collectsSimFundingRatesIntoHistoryAndLatest() throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(queryStrings("""
                    SELECT DISTINCT d.name FROM funding_rates f JOIN dexes d ON d.id = f.dex_id""")
            ).containsExactlyInAnyOrder("sim-a", "sim-b", "sim-c");
            assertThat(queryStrings("""
                    SELECT DISTINCT d.name FROM latest_funding_rates l JOIN dexes d ON d.id = l.dex_id""")
            ).containsExactlyInAnyOrder("sim-a", "sim-b", "sim-c");
            assertThat(queryStrings("SELECT status FROM collection_logs")).contains("success");
        });
        // sim-b settles hourly: its raw rate is stored with its interval, not pre-normalized
        assertThat(queryStrings("""
                SELECT DISTINCT l.interval_hours::text FROM latest_funding_rates l JOIN dexes d ON d.id = l.dex_id
                WHERE d.name = 'sim-b'""")).containsExactly("1");
        assertThat(queryStrings("""
                SELECT DISTINCT s.symbol FROM latest_funding_rates l JOIN symbols s ON s.id = l.symbol_id""")
        ).contains("BTC", "2Z", "Z");
    }

    @Test
    void simpleHealthAnswersWithoutTouchingTheDatabase() throws Exception {
        JsonNode body = getJson("/api/v1/health/simple", 200);
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("timestamp").asText()).endsWith("Z");
    }

    @Test
    void healthReportsTheDatabaseAndEverySimVenueHealthy() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode body = getJson("/api/v1/health", 200);
            assertThat(body.get("status").asText()).isEqualTo("healthy");
            assertThat(body.at("/database/connected").asBoolean()).isTrue();
            assertThat(body.at("/dex_summary/active").asInt()).isEqualTo(3);
            assertThat(body.at("/dex_summary/healthy").asInt()).isEqualTo(3);
            List<String> healthy = new ArrayList<>();
            body.get("dex_health").forEach(v -> {
                if (v.get("is_healthy").asBoolean()) {
                    healthy.add(v.get("name").asText());
                }
            });
            assertThat(healthy).containsExactlyInAnyOrder("sim-a", "sim-b", "sim-c");
            assertThat(body.at("/data_freshness/total_rates").asLong()).isPositive();
        });
    }

    @Test
    void realVenuesAreListedButInactive() throws Exception {
        assertThat(queryStrings("SELECT name FROM dexes WHERE NOT is_active"))
                .contains("aster", "backpack", "lighter", "paradex", "edgex", "grvt", "hyperliquid");
    }

    @Test
    void writesTheLogFileUnderTheDataDir() {
        assertThat(dataDir().resolve("logs/perpflow.log")).exists();
    }

    private List<String> queryStrings(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
