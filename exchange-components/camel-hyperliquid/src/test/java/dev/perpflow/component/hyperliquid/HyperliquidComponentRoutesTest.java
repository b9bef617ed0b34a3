package dev.perpflow.component.hyperliquid;

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
 * The {@code hyperliquid} scheme configured by URL and key options (an API wallet trading the account), as the app
 * does, against the fake venue: the funding consumer, the order producers, the account-stream consumer, and the
 * consumers' health checks (UP while the venue answers, DOWN when its streams and polls fail).
 */
class HyperliquidComponentRoutesTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private HyperliquidFixture hl;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        hl = new HyperliquidFixture();
        HyperliquidComponent component = new HyperliquidComponent();
        component.getConfiguration().setRestUrl(hl.fake.baseUrl().toString());
        component.getConfiguration().setWsUrl(hl.fake.wsUrl().toString());
        component.getConfiguration().setPrivateKey(HyperliquidFixture.AGENT_KEY);
        component.getConfiguration().setAccountAddress(HyperliquidFixture.ACCOUNT);
        component.getConfiguration().setRestTimeout(3_000);
        context.addComponent("hyperliquid", component);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("hyperliquid:funding?delay=200&initialDelay=0&retryAttempts=1").routeId("funding")
                        .to("mock:funding");
                from("hyperliquid:book?symbol=ETH&bookStaleAfter=1000").routeId("book").to("mock:book");
                from("hyperliquid:orders").routeId("orders").to("mock:orders");
            }
        };
    }

    @AfterEach
    void closeFake() {
        hl.close();
    }

    @Test
    void fundingConsumerEmitsHourlySnapshots() throws Exception {
        MockEndpoint funding = getMockEndpoint("mock:funding");
        funding.expectedMinimumMessageCount(2);
        funding.assertIsSatisfied(10_000);

        FundingSnapshot snapshot = funding.getReceivedExchanges().get(0).getMessage().getBody(FundingSnapshot.class);
        assertThat(snapshot.venue()).isEqualTo("hyperliquid");
        assertThat(snapshot.rates()).extracting(FundingRate::symbol).contains("BTC", "ETH", "SOL");
        assertThat(snapshot.rates()).allSatisfy(r -> assertThat(r.intervalHours()).isEqualTo(1));
        assertThat(snapshot.stats()).allSatisfy(s -> assertThat(s.openInterestUsd()).isPositive());
    }

    @Test
    void submitQueryAndCancelThroughTheProducerAndTheFillOnTheOrdersConsumer() throws Exception {
        MockEndpoint orders = getMockEndpoint("mock:orders");
        orders.expectedMinimumMessageCount(1);
        orders.assertIsSatisfied(10_000); // the stream's CONNECTED state arrives first

        Order filled = template.requestBody("hyperliquid:submitOrder",
                OrderRequest.market("hl-route-1", "ETH", Side.BUY, new BigDecimal("0.5"), false), Order.class);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.venue()).isEqualTo("hyperliquid");

        BigDecimal far = hl.sim.exchange().book("ETH", 1).bids().get(0).price().multiply(new BigDecimal("0.9"))
                .setScale(0, RoundingMode.DOWN);
        Order resting = template.requestBody("hyperliquid:submitOrder", OrderRequest.limit("hl-route-2", "ETH",
                Side.BUY, new BigDecimal("0.5"), far, TimeInForce.GTC), Order.class);
        Map<String, Object> headers = Map.of(PerpConstants.SYMBOL, "ETH", PerpConstants.CLIENT_ORDER_ID, "hl-route-2");
        Order queried = template.requestBodyAndHeaders("hyperliquid:queryOrder", null, headers, Order.class);
        Order cancelled = template.requestBodyAndHeaders("hyperliquid:cancelOrder", null, headers, Order.class);

        assertThat(queried.venueOrderId()).isEqualTo(resting.venueOrderId());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(template.requestBody("hyperliquid:openOrders", null, List.class)).isEmpty();
        // (a subscription the venue lost is made again after HyperliquidStreams.SUBSCRIBE_ACK_TIMEOUT)
        await().atMost(HyperliquidStreams.SUBSCRIBE_ACK_TIMEOUT.plus(WAIT)).untilAsserted(() -> assertThat(orders
                .getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody()).toList())
                .anySatisfy(body -> assertThat(body).isInstanceOfSatisfying(Fill.class,
                        fill -> assertThat(fill.clientOrderId()).isEqualTo("hl-route-1"))));
    }

    @Test
    void consumersAreUpWhileTheVenueAnswersAndDownWhenItsStreamsAndPollsFail() {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(health("funding").getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(health("book").getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(health("orders").getState()).isEqualTo(HealthCheck.State.UP);
        });

        hl.fake.server().refuseStreams(true);
        hl.fake.server().dropStreams();
        hl.fake.server().faults().answerNext(1000, on("POST", "/info"), FakeResponse.json(503, "unavailable"));

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
            HyperliquidComponent discovered = other.getComponent("hyperliquid", HyperliquidComponent.class);
            assertThat(discovered).isNotNull();
            assertThat(discovered.getConfiguration().restUrl()).hasToString("https://api.hyperliquid.xyz");
            assertThat(discovered.getConfiguration().wsUrl()).hasToString("wss://api.hyperliquid.xyz/ws");
            assertThat(discovered.getConfiguration().hasCredentials()).isFalse();
        }
    }

    private HealthCheck.Result health(String routeId) {
        HealthCheck check = ((HealthCheckAware) context.getRoute(routeId).getConsumer()).getHealthCheck();
        assertThat(check).as(routeId + " has a health check").isNotNull();
        return check.call();
    }
}
