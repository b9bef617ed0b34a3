package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.lighter.signer.LighterKey;
import dev.perpflow.testkit.lighter.FakeLighter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The app with {@code perpflow.venues.lighter.*} pointed at a fake Lighter (public data only): funding goes through the
 * normal collection pipeline into the database and the API. Lighter's {@code funding-rates} row is an 8-hour figure
 * while Lighter settles hourly: it is stored as the hourly rate with {@code interval_hours = 1}, so the API's 8-hour
 * rate is the venue's figure.
 */
class LighterInTheAppTest extends AppTestSupport {

    private static final SimExchangeClient SIM = SimExchangeClient.manual(FakeLighter.defaultConfig("lighter-sim", 23),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeLighter FAKE = new FakeLighter(SIM, 281, 3, LighterKey.generate().publicKey()).start();

    @AfterAll
    static void stopFake() {
        FAKE.close();
        SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.venues.lighter.enabled", "true");
        properties.setProperty("perpflow.venues.lighter.rest-url", FAKE.baseUrl().toString());
        properties.setProperty("perpflow.venues.lighter.ws-url", FAKE.wsUrl().toString());
        properties.setProperty("perpflow.venues.lighter.requests-per-minute", "100000");
        return properties;
    }

    @Test
    void lighterFundingLandsHourlyThroughThePipelineAndTheApiShowsTheVenuesEightHourFigure() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rates = getJson("/api/v1/funding-rates/lighter", 200);
            assertThat(rates.toString()).contains("ETH").contains("BONK").contains("2Z");
        });
        FundingRate sim = SIM.exchange().fundingRates().stream().filter(r -> r.symbol().equals("ETH")).findFirst()
                .orElseThrow();
        try (var connection = dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT r.interval_hours, r.funding_rate FROM"
                        + " latest_funding_rates r JOIN dexes d ON d.id = r.dex_id JOIN symbols s ON s.id = r.symbol_id"
                        + " WHERE d.name = 'lighter' AND s.symbol = 'ETH'")) {
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
                assertThat(rows.getBigDecimal(2)).isEqualByComparingTo(sim.rate());
            }
        }
        JsonNode eth = getJson("/api/v1/funding-rates/lighter/ETH", 200);
        assertThat(new BigDecimal(eth.findValue("funding_rate").asText()))
                .isEqualByComparingTo(sim.rate().multiply(BigDecimal.valueOf(8)));
        assertThat(getJson("/api/v1/dexes/lighter", 200).toString()).contains("lighter");
    }
}
