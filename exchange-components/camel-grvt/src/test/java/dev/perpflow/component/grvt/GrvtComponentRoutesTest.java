package dev.perpflow.component.grvt;

import static dev.perpflow.testkit.FakeServerFaults.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.component.PerpConstants;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code grvt} scheme configured by its three hosts and key options, as the app does, against the fake venue: the
 * funding consumer (per-instrument intervals), the order producers (login, signed orders), the account-feed consumer,
 * and the consumers' health checks (UP while the venue answers, DOWN when its feeds and polls fail).
 */
class GrvtComponentRoutesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private GrvtFixture grvt;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        grvt = new GrvtFixture();
        GrvtComponent component = new GrvtComponent();
        component.getConfiguration().setRestUrl(grvt.fake.marketDataUrl().toString());
        component.getConfiguration().setWsUrl(grvt.fake.marketDataWsUrl().toString());
        component.getConfiguration().setTradesUrl(grvt.fake.tradesUrl().toString());
        component.getConfiguration().setAuthUrl(grvt.fake.authUrl().toString());
        component.getConfiguration().setTradingAccountId(GrvtFixture.SUB_ACCOUNT);
        component.getConfiguration().setPrivateKey(GrvtFixture.PRIVATE_KEY);
        component.getConfiguration().setApiKey(GrvtFixture.API_KEY);
        component.getConfiguration().setRestTimeout(3_000);
        context.addComponent("grvt", component);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("grvt:funding?delay=200&initialDelay=0&retryAttempts=1").routeId("funding")
                        .to("mock:funding");
                from("grvt:book?symbol=ETH&bookStaleAfter=1000").routeId("book").to("mock:book");
                from("grvt:orders").routeId("orders").to("mock:orders");
            }
        };
    }

    @AfterEach
    void closeFake() {
        grvt.close();
    }

    @Test
    void fundingConsumerEmitsSnapshotsWithEachInstrumentsInterval() throws Exception {
        MockEndpoint funding = getMockEndpoint("mock:funding");
        funding.expectedMinimumMessageCount(2);
        funding.assertIsSatisfied(10_000);

        FundingSnapshot snapshot = funding.getReceivedExchanges().get(0).getMessage().getBody(FundingSnapshot.class);
        assertThat(snapshot.venue()).isEqualTo("grvt");
        assertThat(snapshot.rates()).extracting(FundingRate::symbol).contains("BTC", "ETH", "SOL");
        assertThat(snapshot.rates()).filteredOn(r -> r.symbol().equals("SOL"))
                .singleElement().satisfies(r -> assertThat(r.intervalHours()).isEqualTo(4));
        assertThat(snapshot.rates()).filteredOn(r -> r.symbol().equals("BTC"))
                .singleElement().satisfies(r -> assertThat(r.intervalHours()).isEqualTo(8));
        assertThat(snapshot.stats()).allSatisfy(s -> assertThat(s.openInterestUsd()).isPositive());
    }

    @Test
    void submitQueryAndCancelThroughTheProducerAndTheFillOnTheOrdersConsumer() throws Exception {
        MockEndpoint orders = getMockEndpoint("mock:orders");
        orders.expectedMinimumMessageCount(1);
        orders.assertIsSatisfied(10_000); // the stream's CONNECTED state arrives first

        Order filled = template.requestBody("grvt:submitOrder",
                OrderRequest.market("gr-route-1", "ETH", Side.BUY, new BigDecimal("0.5"), false), Order.class);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.venue()).isEqualTo("grvt");

        BigDecimal far = grvt.sim.exchange().book("ETH", 1).bids().get(0).price().multiply(new BigDecimal("0.9"))
                .setScale(1, RoundingMode.DOWN);
        Order resting = template.requestBody("grvt:submitOrder", OrderRequest.limit("gr-route-2", "ETH",
                Side.BUY, new BigDecimal("0.5"), far, TimeInForce.GTC), Order.class);
        Map<String, Object> headers = Map.of(PerpConstants.SYMBOL, "ETH", PerpConstants.CLIENT_ORDER_ID, "gr-route-2");
        Order queried = template.requestBodyAndHeaders("grvt:queryOrder", null, headers, Order.class);
        Order cancelled = template.requestBodyAndHeaders("grvt:cancelOrder", null, headers, Order.class);

        assertThat(queried.venueOrderId()).isEqualTo(resting.venueOrderId());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(template.requestBody("grvt:openOrders", null, List.class)).isEmpty();
        // (a subscription the venue lost is made again after GrvtStreams.SUBSCRIBE_ACK_TIMEOUT)
        await().atMost(GrvtStreams.SUBSCRIBE_ACK_TIMEOUT.plus(WAIT)).until(() -> orders.getReceivedExchanges()
                .stream().map(e -> e.getMessage().getBody())
                .anyMatch(body -> body instanceof Fill fill && fill.clientOrderId().equals("gr-route-1")));
    }

    @Test
    void consumersAreUpWhileTheVenueAnswersAndDownWhenItsStreamsAndPollsFail() {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(health("funding").getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(health("book").getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(health("orders").getState()).isEqualTo(HealthCheck.State.UP);
        });

        grvt.fake.tradesServer().refuseStreams(true);
        grvt.fake.tradesServer().dropStreams();
        grvt.fake.marketDataServer().refuseStreams(true);
        grvt.fake.marketDataServer().dropStreams();
        grvt.fake.marketDataServer().faults().answerNext(1000, on("POST", "/full/v1/ticker"),
                FakeResponse.json(503, "{\"code\":1002,\"message\":\"Internal Server Error\",\"status\":503}"));
        grvt.fake.marketDataServer().faults().answerNext(1000, on("POST", "/full/v1/funding"),
                FakeResponse.json(503, "{\"code\":1002,\"message\":\"Internal Server Error\",\"status\":503}"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(health("orders").getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health("orders").getMessage()).hasValueSatisfying(m -> assertThat(m).contains("disconnected"));
            assertThat(health("book").getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health("funding").getState()).isEqualTo(HealthCheck.State.DOWN);
        });
    }

    @Test
    void schemeIsDiscoveredFromTheServiceFileWithProductionDefaults() throws Exception {
        try (CamelContext other = new DefaultCamelContext()) {
            GrvtComponent discovered = other.getComponent("grvt", GrvtComponent.class);
            assertThat(discovered).isNotNull();
            assertThat(discovered.getConfiguration().restUrl()).hasToString("https://market-data.grvt.io");
            assertThat(discovered.getConfiguration().wsUrl()).hasToString("wss://market-data.grvt.io/ws/full");
            assertThat(discovered.getConfiguration().tradesUri()).hasToString("https://trades.grvt.io");
            assertThat(discovered.getConfiguration().authUri()).hasToString("https://edge.grvt.io");
            assertThat(discovered.getConfiguration().tradesWsUri()).hasToString("wss://trades.grvt.io/ws/full");
            assertThat(discovered.getConfiguration().hasCredentials()).isFalse();
        }
    }

    private HealthCheck.Result health(String routeId) {
        HealthCheck check = ((HealthCheckAware) context.getRoute(routeId).getConsumer()).getHealthCheck();
        assertThat(check).as(routeId + " has a health check").isNotNull();
        return check.call();
    }
}
