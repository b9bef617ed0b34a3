package dev.perpflow.component.backpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.component.PerpConstants;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code backpack} scheme configured by URL and key properties, as the app does, against the fake venue. */
class BackpackComponentRoutesTest extends CamelTestSupport {

    private BackpackFixture backpack;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        backpack = BackpackFixture.withCredentials();
        BackpackComponent component = new BackpackComponent();
        component.getConfiguration().setRestUrl(backpack.fake.baseUrl().toString());
        component.getConfiguration().setWsUrl(backpack.fake.wsUrl().toString());
        component.getConfiguration().setPublicKey(BackpackTestKeys.PUBLIC_KEY);
        component.getConfiguration().setSecretKey(BackpackTestKeys.SECRET);
        component.getConfiguration().setRestTimeout(3_000);
        context.addComponent("backpack", component);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("backpack:funding?delay=200&initialDelay=0").routeId("backpack-funding").to("mock:funding");
                from("backpack:orders").routeId("backpack-orders").to("mock:orders");
            }
        };
    }

    @AfterEach
    void closeFake() {
        backpack.close();
    }

    @Test
    void fundingConsumerEmitsBackpackSnapshotsWithHourlyIntervals() throws Exception {
        MockEndpoint funding = getMockEndpoint("mock:funding");
        funding.expectedMinimumMessageCount(2);
        funding.assertIsSatisfied(10_000);

        FundingSnapshot snapshot = funding.getReceivedExchanges().get(0).getMessage().getBody(FundingSnapshot.class);
        assertThat(snapshot.venue()).isEqualTo("backpack");
        assertThat(snapshot.rates()).extracting(FundingRate::symbol)
                .containsExactlyInAnyOrder("BTC", "ETH", "SOL", "2Z", "Z", "BONK");
        assertThat(snapshot.rates()).filteredOn(r -> r.symbol().equals("SOL"))
                .allSatisfy(r -> assertThat(r.intervalHours()).isEqualTo(1));
        assertThat(snapshot.stats()).allSatisfy(s -> {
            assertThat(s.openInterestUsd()).isPositive();
            assertThat(s.volume24hUsd()).isPositive();
        });
    }

    @Test
    void submitQueryAndCancelThroughTheProducer() {
        Order filled = template.requestBody("backpack:submitOrder",
                OrderRequest.market("route-1", "ETH", Side.BUY, new BigDecimal("0.5"), false), Order.class);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.venue()).isEqualTo("backpack");

        Order resting = template.requestBody("backpack:submitOrder", OrderRequest.limit("route-2", "SOL", Side.BUY,
                BigDecimal.ONE, new BigDecimal("100"), TimeInForce.GTC), Order.class);
        Map<String, Object> headers = Map.of(PerpConstants.SYMBOL, "SOL", PerpConstants.CLIENT_ORDER_ID, "route-2");
        Order queried = template.requestBodyAndHeaders("backpack:queryOrder", null, headers, Order.class);
        Order cancelled = template.requestBodyAndHeaders("backpack:cancelOrder", null, headers, Order.class);

        assertThat(queried.venueOrderId()).isEqualTo(resting.venueOrderId());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(template.requestBody("backpack:openOrders", null, List.class)).isEmpty();
    }

    @Test
    void ordersConsumerEmitsFillsOfOrdersSentThroughTheProducer() throws Exception {
        MockEndpoint orders = getMockEndpoint("mock:orders");
        orders.expectedMinimumMessageCount(1);
        orders.assertIsSatisfied(10_000); // the stream's CONNECTED state arrives first

        template.requestBody("backpack:submitOrder",
                OrderRequest.market("route-fill", "BTC", Side.SELL, new BigDecimal("0.01"), false), Order.class);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> orders
                .getReceivedExchanges().stream().map(e -> e.getMessage().getBody())
                .anyMatch(body -> body instanceof Fill fill && fill.clientOrderId().equals("route-fill")));
    }

    @Test
    void componentOptionsBuildTheClientsConfiguration() {
        BackpackComponent component = context.getComponent("backpack", BackpackComponent.class);
        BackpackConfiguration configuration = component.effectiveConfiguration();

        assertThat(configuration.restUrl()).isEqualTo(backpack.fake.baseUrl());
        assertThat(configuration.wsUrl()).isEqualTo(backpack.fake.wsUrl());
        assertThat(configuration.requestTimeout().toMillis()).isEqualTo(3_000);
        assertThat(configuration.credentials().publicKey()).isEqualTo(BackpackTestKeys.PUBLIC_KEY);
        assertThat(configuration.toString()).doesNotContain(BackpackTestKeys.SECRET);
    }

    @Test
    void schemeIsDiscoveredFromTheServiceFileWithProductionDefaults() throws Exception {
        try (org.apache.camel.CamelContext other = new org.apache.camel.impl.DefaultCamelContext()) {
            BackpackComponent discovered = other.getComponent("backpack", BackpackComponent.class);
            assertThat(discovered).isNotNull();
            BackpackConfiguration defaults = discovered.effectiveConfiguration();
            assertThat(defaults.restUrl()).hasToString("https://api.backpack.exchange");
            assertThat(defaults.wsUrl()).hasToString("wss://ws.backpack.exchange");
            assertThat(defaults.hasCredentials()).isFalse();
        }
    }
}
