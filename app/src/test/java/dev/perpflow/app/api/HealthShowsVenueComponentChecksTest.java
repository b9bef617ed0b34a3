package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/health} uses the venue components' Camel health checks: each venue lists its consumers' checks
 * (the funding poll), and a venue whose poll consumer is DOWN is not healthy.
 */
class HealthShowsVenueComponentChecksTest extends AppTestSupport {

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.funding.timeout-seconds", "2");
        return properties;
    }

    @Test
    void eachVenueListsItsComponentChecksAndAFailingPollMakesItUnhealthy() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = getJson("/api/v1/health", 200);
            for (JsonNode venue : health.get("dex_health")) {
                if (!venue.get("is_active").asBoolean()) {
                    continue; // a venue the profile does not collect has no consumers
                }
                assertThat(venue.get("checks")).as(venue.get("name").asText()).isNotEmpty();
                assertThat(venue.get("checks").findValuesAsText("state")).containsOnly("UP");
                assertThat(venue.get("checks").findValuesAsText("endpoint"))
                        .allSatisfy(uri -> assertThat(uri).startsWith(venue.get("name").asText() + "://funding"));
            }
        });

        sim("sim-c").faults().failNextRequests(1_000_000);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = getJson("/api/v1/health", 200);
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            for (JsonNode venue : health.get("dex_health")) {
                if (venue.get("name").asText().equals("sim-c")) {
                    assertThat(venue.get("checks").findValuesAsText("state")).contains("DOWN");
                    assertThat(venue.get("is_healthy").asBoolean()).isFalse();
                }
            }
        });
        sim("sim-c").faults().clear();
    }

    private SimExchangeClient sim(String venue) {
        VenueRegistry registry = context.getRegistry().lookupByNameAndType("venueRegistry", VenueRegistry.class);
        return (SimExchangeClient) registry.client(venue).orElseThrow();
    }
}
