package dev.perpflow.app.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * One venue hangs and another fails on every poll: the healthy venue keeps landing on schedule, and the collection
 * logs and health show exactly which venue failed and why.
 */
class CollectionIsolatesFailingVenuesTest extends AppTestSupport {

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.funding.timeout-seconds", "2");
        return properties;
    }

    private SimExchangeClient sim(String venue) {
        VenueRegistry registry = context.getRegistry().lookupByNameAndType("venueRegistry", VenueRegistry.class);
        return (SimExchangeClient) registry.client(venue).orElseThrow();
    }

    @Test
    void aHangingAndAFailingVenueDoNotStopTheOthers() throws Exception {
        sim("sim-b").faults().hangPublicData(true);
        sim("sim-c").faults().failNextRequests(1_000_000);
        long before = successfulRounds("sim-a");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(successfulRounds("sim-a")).as("sim-a keeps collecting").isGreaterThanOrEqualTo(before + 5);
            assertThat(lastError("sim-b")).contains("no answer within the request timeout");
            assertThat(lastError("sim-c")).contains("injected failure");
        });
        assertThat(failedRounds("sim-c")).isPositive();
        assertThat(failedRounds("sim-a")).isZero();

        JsonNode health = getJson("/api/v1/health", 200);
        assertThat(health.get("status").asText()).isEqualTo("degraded");
        for (JsonNode venue : health.get("dex_health")) {
            String name = venue.get("name").asText();
            if (name.equals("sim-a")) {
                assertThat(venue.get("is_healthy").asBoolean()).isTrue();
            }
            if (name.equals("sim-c")) {
                assertThat(venue.get("consecutive_errors").asInt()).isGreaterThanOrEqualTo(1);
                // public endpoint: the error's text stays in the database and the log
                assertThat(venue.get("last_error").asText()).isEqualTo("unavailable (details in the server log)");
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode opportunities = getJson("/api/v1/opportunities", 200);
            assertThat(opportunities.get("excluded_dexes").findValuesAsText("name")).contains("sim-b", "sim-c")
                    .doesNotContain("sim-a");
            assertThat(opportunities.get("opportunities")).isEmpty();
        });
        JsonNode tasks = getJson("/api/v1/tasks/status", 200);
        assertThat(tasks.get("recent_collections").findValuesAsText("status")).contains("failed");

        sim("sim-c").faults().clear();
        sim("sim-b").faults().clear();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(getJson("/api/v1/health", 200).get("status").asText()).isEqualTo("healthy"));
    }

    private long successfulRounds(String venue) throws Exception {
        return count("SELECT count(*) FROM collection_logs l JOIN dexes d ON d.id = l.dex_id "
                + "WHERE d.name = ? AND l.status = 'success'", venue);
    }

    private long failedRounds(String venue) throws Exception {
        return count("SELECT count(*) FROM collection_logs l JOIN dexes d ON d.id = l.dex_id "
                + "WHERE d.name = ? AND l.status = 'failed'", venue);
    }

    private String lastError(String venue) throws Exception {
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT last_error FROM dexes WHERE name = ?")) {
            ps.setString(1, venue);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return String.valueOf(rs.getString(1));
            }
        }
    }

    private long count(String sql, String venue) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, venue);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
