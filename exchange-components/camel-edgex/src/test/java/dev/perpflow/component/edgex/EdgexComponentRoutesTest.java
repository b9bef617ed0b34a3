package dev.perpflow.component.edgex;

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

/** The {@code edgex} scheme configured by URL and key options, as the app does, against the fake venue. */
class EdgexComponentRoutesTest extends CamelTestSupport {

    private EdgexFixture edgex;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        edgex = EdgexFixture.publicOnly();
        EdgexComponent component = new EdgexComponent();
        component.getConfiguration().setRestUrl(edgex.fake.restUrl().toString());
        component.getConfiguration().setWsUrl(edgex.fake.wsUrl().toString());
        component.getConfiguration().setAccountId(Long.toString(EdgexFixture.ACCOUNT));
        component.getConfiguration().setApiKey(EdgexFixture.API_KEY);
        component.getConfiguration().setApiPassphrase(EdgexFixture.PASSPHRASE);
        component.getConfiguration().setApiSecret(EdgexFixture.SECRET);
        component.getConfiguration().setTradingPrivateKey(EdgexFixture.TRADING_KEY);
        component.getConfiguration().setRestTimeout(3_000);
        context.addComponent("edgex", component);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("edgex:funding?delay=200&initialDelay=0").routeId("edgex-funding").to("mock:funding");
            }
        };
    }

    @AfterEach
    void closeFake() {
        edgex.close();
    }

    @Test
    void fundingConsumerEmitsEdgexSnapshotsWithEachContractsInterval() throws Exception {
        MockEndpoint funding = getMockEndpoint("mock:funding");
        funding.expectedMinimumMessageCount(2);
        funding.assertIsSatisfied(10_000);
        FundingSnapshot snapshot = funding.getReceivedExchanges().get(0).getMessage().getBody(FundingSnapshot.class);
        assertThat(snapshot.venue()).isEqualTo("edgex");
        assertThat(snapshot.rates()).extracting(FundingRate::symbol).contains("BTC", "ETH", "SOL");
        assertThat(snapshot.rates()).filteredOn(r -> r.symbol().equals("SOL"))
                .allSatisfy(r -> assertThat(r.intervalHours()).isEqualTo(1));
        assertThat(snapshot.rates()).filteredOn(r -> r.symbol().equals("BTC"))
                .allSatisfy(r -> assertThat(r.intervalHours()).isEqualTo(4));
    }

    @Test
    void submitAndCancelThroughTheProducerWithSignedOrders() {
        Order filled = template.requestBody("edgex:submitOrder",
                OrderRequest.market("route-1", "ETH", Side.BUY, new BigDecimal("0.5"), false), Order.class);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.venue()).isEqualTo("edgex");
        template.requestBody("edgex:submitOrder", OrderRequest.limit("route-2", "SOL", Side.BUY, BigDecimal.ONE,
                new BigDecimal("100"), TimeInForce.GTC), Order.class);
        Map<String, Object> headers = Map.of(PerpConstants.SYMBOL, "SOL", PerpConstants.CLIENT_ORDER_ID, "route-2");
        assertThat(template.requestBodyAndHeaders("edgex:cancelOrder", null, headers, Order.class).status())
                .isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void componentOptionsBuildTheClientsConfigurationWithoutPrintingSecrets() {
        EdgexConfiguration configuration = context.getComponent("edgex", EdgexComponent.class)
                .effectiveConfiguration();
        assertThat(configuration.restUrl()).isEqualTo(edgex.fake.restUrl());
        assertThat(configuration.credentials().accountId()).isEqualTo(EdgexFixture.ACCOUNT);
        for (String printed : new String[] {configuration.toString(), configuration.credentials().toString()}) {
            assertThat(printed).doesNotContain(EdgexFixture.TRADING_KEY.substring(2))
                    .doesNotContain(EdgexFixture.SECRET).doesNotContain(EdgexFixture.PASSPHRASE);
        }
    }

    @Test
    void schemeIsDiscoveredWithTheV2ProductionDefaults() throws Exception {
        try (org.apache.camel.CamelContext other = new org.apache.camel.impl.DefaultCamelContext()) {
            EdgexConfiguration defaults = other.getComponent("edgex", EdgexComponent.class).effectiveConfiguration();
            assertThat(defaults.restUrl()).hasToString("https://edgex-prod-v2.edgex.exchange");
            assertThat(defaults.wsUrl()).hasToString("wss://edgex-quote-prod-v2.edgex.exchange");
            assertThat(defaults.hasCredentials()).isFalse();
        }
    }
}
