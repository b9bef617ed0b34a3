package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.testkit.backpack.FakeBackpack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The app with {@code perpflow.venues.backpack.*} pointed at a fake Backpack: funding, with each market's own interval,
 * goes through the normal collection pipeline into the database and the API.
 */
class BackpackInTheAppTest extends AppTestSupport {

    private static final SimExchangeClient SIM = SimExchangeClient.manual(SimVenueConfig.defaults("backpack-sim", 13)
                    .withMarkets(m -> m.symbol().equals("SOL") ? m.withFundingIntervalHours(1) : m),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeBackpack FAKE = new FakeBackpack(SIM, "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").start();

    @AfterAll
    static void stopFake() {
        FAKE.close();
        SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.venues.backpack.enabled", "true");
        properties.setProperty("perpflow.venues.backpack.rest-url", FAKE.baseUrl().toString());
        properties.setProperty("perpflow.venues.backpack.ws-url", FAKE.wsUrl().toString());
        return properties;
    }

    @Test
    void collectsBackpackFundingThroughThePipelineWithEachMarketsInterval() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rates = getJson("/api/v1/funding-rates/backpack", 200);
            assertThat(rates.toString()).contains("SOL").contains("BONK").contains("BTC");
        });
        try (var connection = dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT r.interval_hours FROM latest_funding_rates r "
                        + "JOIN dexes d ON d.id = r.dex_id JOIN symbols s ON s.id = r.symbol_id "
                        + "WHERE d.name = 'backpack' AND s.symbol = ?")) {
            statement.setString(1, "SOL");
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(getJson("/api/v1/dexes/backpack", 200).toString()).contains("backpack");
    }
}
