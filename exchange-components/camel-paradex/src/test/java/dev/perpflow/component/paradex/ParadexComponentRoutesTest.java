package dev.perpflow.component.paradex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.component.PerpConstants;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code paradex} scheme configured by URL and key properties, as the app does, against the fake venue. */
class ParadexComponentRoutesTest extends CamelTestSupport {

    private ParadexFixture paradex;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        paradex = ParadexFixture.publicOnly();
        ParadexComponent component = new ParadexComponent();
        component.getConfiguration().setRestUrl(paradex.fake.restUrl().toString());
        component.getConfiguration().setWsUrl(paradex.fake.wsUrl().toString());
        component.getConfiguration().setL2Address(ParadexFixture.ADDRESS);
        component.getConfiguration().setL2PrivateKey(ParadexFixture.PRIVATE_KEY);
        component.getConfiguration().setRestTimeout(3_000);
        context.addComponent("paradex", component);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("paradex:funding?delay=200&initialDelay=0").routeId("paradex-funding").to("mock:funding");
            }
        };
    }

    @AfterEach
    void closeFake() {
        paradex.close();
    }

    @Test
    void fundingConsumerEmitsParadexSnapshotsWithEachMarketsPeriod() throws Exception {
        MockEndpoint funding = getMockEndpoint("mock:funding");
        funding.expectedMinimumMessageCount(2);
        funding.assertIsSatisfied(10_000);
        FundingSnapshot snapshot = funding.getReceivedExchanges().get(0).getMessage().getBody(FundingSnapshot.class);
        assertThat(snapshot.venue()).isEqualTo("paradex");
        assertThat(snapshot.rates()).extracting(FundingRate::symbol).contains("BTC", "ETH", "SOL", "BONK");
        assertThat(snapshot.rates()).filteredOn(r -> r.symbol().equals("SOL"))
                .allSatisfy(r -> assertThat(r.intervalHours()).isEqualTo(1));
        assertThat(snapshot.rates()).filteredOn(r -> r.symbol().equals("BTC"))
                .allSatisfy(r -> assertThat(r.intervalHours()).isEqualTo(8));
    }

    @Test
    void submitQueryAndCancelThroughTheProducerWithSignedOrders() {
        Order filled = template.requestBody("paradex:submitOrder",
                OrderRequest.market("route-1", "ETH", Side.BUY, new BigDecimal("0.5"), false), Order.class);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.venue()).isEqualTo("paradex");
        template.requestBody("paradex:submitOrder", OrderRequest.limit("route-2", "SOL", Side.BUY, BigDecimal.ONE,
                new BigDecimal("100"), TimeInForce.GTC), Order.class);
        Map<String, Object> headers = Map.of(PerpConstants.SYMBOL, "SOL", PerpConstants.CLIENT_ORDER_ID, "route-2");
        assertThat(template.requestBodyAndHeaders("paradex:cancelOrder", null, headers, Order.class).status())
                .isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void componentOptionsBuildTheClientsConfigurationWithoutPrintingTheKey() {
        ParadexConfiguration configuration = context.getComponent("paradex", ParadexComponent.class)
                .effectiveConfiguration();
        assertThat(configuration.restUrl()).isEqualTo(paradex.fake.restUrl());
        assertThat(configuration.credentials().l2AddressHex()).isEqualTo(ParadexFixture.ADDRESS);
        assertThat(configuration.toString()).doesNotContain(ParadexFixture.PRIVATE_KEY.substring(2));
        assertThat(configuration.credentials().toString()).doesNotContain(ParadexFixture.PRIVATE_KEY.substring(2));
    }

    @Test
    void schemeIsDiscoveredWithProductionDefaultsAndATestnetSwitch() throws Exception {
        try (org.apache.camel.CamelContext other = new org.apache.camel.impl.DefaultCamelContext()) {
            ParadexComponent discovered = other.getComponent("paradex", ParadexComponent.class);
            ParadexConfiguration defaults = discovered.effectiveConfiguration();
            assertThat(defaults.restUrl()).hasToString("https://api.prod.paradex.trade/v1");
            assertThat(defaults.wsUrl()).hasToString("wss://ws.api.prod.paradex.trade/v1");
            assertThat(defaults.hasCredentials()).isFalse();
            defaults.setTestnet(true);
            assertThat(defaults.restUrl()).hasToString("https://api.testnet.paradex.trade/v1");
        }
    }
}
