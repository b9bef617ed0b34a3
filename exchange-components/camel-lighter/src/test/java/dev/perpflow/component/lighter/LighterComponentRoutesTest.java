package dev.perpflow.component.lighter;

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

/** The {@code lighter} scheme configured by URL and key properties, as the app does, against the fake venue. */
class LighterComponentRoutesTest extends CamelTestSupport {

    private LighterFixture lighter;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        lighter = LighterFixture.withCredentials();
        LighterComponent component = new LighterComponent();
        component.getConfiguration().setRestUrl(lighter.fake.baseUrl().toString());
        component.getConfiguration().setWsUrl(lighter.fake.wsUrl().toString());
        component.getConfiguration().setPrivateKey(LighterTestKeys.PRIVATE_KEY_HEX);
        component.getConfiguration().setAccountIndex(LighterTestKeys.ACCOUNT);
        component.getConfiguration().setApiKeyIndex(LighterTestKeys.API_KEY_INDEX);
        component.getConfiguration().setRequestsPerMinute(6000);
        component.getConfiguration().setRestTimeout(3_000);
        context.addComponent("lighter", component);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lighter:funding?delay=200&initialDelay=0").routeId("lighter-funding").to("mock:funding");
                from("lighter:orders").routeId("lighter-orders").to("mock:orders");
            }
        };
    }

    @AfterEach
    void closeFake() {
        lighter.close();
    }

    @Test
    void fundingConsumerEmitsLighterSnapshotsWithHourlyIntervals() throws Exception {
        MockEndpoint funding = getMockEndpoint("mock:funding");
        funding.expectedMinimumMessageCount(2);
        funding.assertIsSatisfied(10_000);

        FundingSnapshot snapshot = funding.getReceivedExchanges().get(0).getMessage().getBody(FundingSnapshot.class);
        assertThat(snapshot.venue()).isEqualTo("lighter");
        assertThat(snapshot.rates()).extracting(FundingRate::symbol)
                .containsExactlyInAnyOrder("BTC", "ETH", "SOL", "2Z", "Z", "BONK");
        assertThat(snapshot.rates()).allSatisfy(r -> assertThat(r.intervalHours()).isEqualTo(1));
        assertThat(snapshot.stats()).allSatisfy(s -> assertThat(s.openInterestUsd()).isPositive());
    }

    @Test
    void submitQueryAndCancelThroughTheProducer() {
        Order filled = template.requestBody("lighter:submitOrder",
                OrderRequest.market("route-1", "ETH", Side.BUY, new BigDecimal("0.5"), false), Order.class);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.venue()).isEqualTo("lighter");

        Order resting = template.requestBody("lighter:submitOrder", OrderRequest.limit("route-2", "SOL", Side.BUY,
                BigDecimal.ONE, new BigDecimal("100"), TimeInForce.GTC), Order.class);
        Map<String, Object> headers = Map.of(PerpConstants.SYMBOL, "SOL", PerpConstants.CLIENT_ORDER_ID, "route-2");
        Order queried = template.requestBodyAndHeaders("lighter:queryOrder", null, headers, Order.class);
        Order cancelled = template.requestBodyAndHeaders("lighter:cancelOrder", null, headers, Order.class);

        assertThat(queried.venueOrderId()).isEqualTo(resting.venueOrderId());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(template.requestBody("lighter:openOrders", null, List.class)).isEmpty();
    }

    @Test
    void ordersConsumerEmitsFillsOfOrdersSentThroughTheProducer() throws Exception {
        MockEndpoint orders = getMockEndpoint("mock:orders");
        orders.expectedMinimumMessageCount(1);
        orders.assertIsSatisfied(10_000); // the stream's CONNECTED state arrives first
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(lighter.fake::privateChannelsSubscribed);

        template.requestBody("lighter:submitOrder",
                OrderRequest.market("route-fill", "BTC", Side.SELL, new BigDecimal("0.01"), false), Order.class);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> orders
                .getReceivedExchanges().stream().map(e -> e.getMessage().getBody())
                .anyMatch(body -> body instanceof Fill fill && fill.clientOrderId().equals("route-fill")));
    }

    @Test
    void componentOptionsBuildTheClientsConfiguration() {
        LighterComponent component = context.getComponent("lighter", LighterComponent.class);
        LighterConfiguration configuration = component.effectiveConfiguration();

        assertThat(configuration.restUrl()).isEqualTo(lighter.fake.baseUrl());
        assertThat(configuration.credentials().accountIndex()).isEqualTo(LighterTestKeys.ACCOUNT);
        assertThat(configuration.credentials().key().publicKey()).isEqualTo(LighterTestKeys.KEY.publicKey());
        assertThat(configuration.getChainId()).isEqualTo(304);
        assertThat(configuration.toString()).doesNotContain(LighterTestKeys.PRIVATE_KEY_HEX);
        assertThat(configuration.credentials().toString()).doesNotContain(LighterTestKeys.PRIVATE_KEY_HEX);
    }

    @Test
    void schemeIsDiscoveredFromTheServiceFileWithMainnetDefaultsAndATestnetSwitch() throws Exception {
        try (org.apache.camel.CamelContext other = new org.apache.camel.impl.DefaultCamelContext()) {
            LighterComponent discovered = other.getComponent("lighter", LighterComponent.class);
            assertThat(discovered).isNotNull();
            LighterConfiguration defaults = discovered.effectiveConfiguration();
            assertThat(defaults.restUrl()).hasToString("https://mainnet.zklighter.elliot.ai");
            assertThat(defaults.wsUrl()).hasToString("wss://mainnet.zklighter.elliot.ai/stream");
            assertThat(defaults.hasCredentials()).isFalse();
            LighterConfiguration testnet = defaults.copy();
            testnet.setTestnet(true);
            assertThat(testnet.restUrl()).hasToString("https://testnet.zklighter.elliot.ai");
            assertThat(testnet.getChainId()).isEqualTo(300);
        }
    }
}
