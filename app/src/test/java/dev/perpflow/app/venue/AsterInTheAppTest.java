package dev.perpflow.app.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.component.PerpConstants;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.aster.FakeAster;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The app with {@code perpflow.venues.aster.*} pointed at a fake Aster: funding goes through the normal collection
 * pipeline into the database and the API, and orders are placed, found and cancelled through the {@code aster}
 * component. Credentials come from {@code ASTER_API_KEY}/{@code ASTER_SECRET_KEY} in real runs; here the fake takes
 * the component's signed requests only when they match, so trading is shown through a credentialed component.
 */
class AsterInTheAppTest extends AppTestSupport {

    private static final SimExchangeClient SIM = SimExchangeClient.manual(SimVenueConfig.defaults("aster-sim", 11)
                    .withMarkets(m -> m.symbol().equals("SOL") ? m.withFundingIntervalHours(4) : m),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private static final FakeAster FAKE = FakeAster.start(SIM, "app-test-key", "app-test-secret");

    @AfterAll
    static void stopFake() {
        FAKE.close();
        SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.venues.aster.enabled", "true");
        properties.setProperty("perpflow.venues.aster.rest-url", FAKE.restUrl().toString());
        properties.setProperty("perpflow.venues.aster.ws-url", FAKE.wsUrl().toString());
        return properties;
    }

    @Test
    void collectsAsterFundingThroughThePipelineWithEachMarketsInterval() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rates = getJson("/api/v1/funding-rates/aster", 200);
            assertThat(rates.toString()).contains("SOL").contains("BONK").contains("BTC");
        });
        try (var connection = dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT r.interval_hours FROM latest_funding_rates r "
                        + "JOIN dexes d ON d.id = r.dex_id JOIN symbols s ON s.id = r.symbol_id "
                        + "WHERE d.name = 'aster' AND s.symbol = ?")) {
            statement.setString(1, "SOL");
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(4);
            }
        }
        JsonNode dex = getJson("/api/v1/dexes/aster", 200);
        assertThat(dex.toString()).contains("aster");
    }

    @Test
    void placesFindsAndCancelsOrdersThroughTheAsterComponent() {
        dev.perpflow.component.aster.AsterComponent credentialed = new dev.perpflow.component.aster.AsterComponent(
                dev.perpflow.component.aster.AsterConfiguration.of(FAKE.restUrl(), FAKE.wsUrl(),
                        dev.perpflow.component.aster.AsterCredentials.of("app-test-key", "app-test-secret")));
        context.addComponent("aster-account", credentialed);
        BigDecimal bid = SIM.exchange().book("ETH", 1).bids().get(0).price();
        BigDecimal farBid = bid.multiply(new BigDecimal("0.9")).setScale(1, java.math.RoundingMode.DOWN);

        Order placed = template.requestBody("aster-account:submitOrder", OrderRequest.limit("app-1", "ETH", Side.BUY,
                BigDecimal.ONE, farBid, TimeInForce.GTC), Order.class);
        Map<String, Object> headers = Map.of(PerpConstants.SYMBOL, "ETH", PerpConstants.CLIENT_ORDER_ID, "app-1");
        Order found = template.requestBodyAndHeaders("aster-account:queryOrder", null, headers, Order.class);
        Order cancelled = template.requestBodyAndHeaders("aster-account:cancelOrder", null, headers, Order.class);

        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(found.venueOrderId()).isEqualTo(placed.venueOrderId());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(SIM.exchange().openOrders(null)).isEmpty();
    }
}
