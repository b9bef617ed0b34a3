package dev.perpflow.component.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.component.PerpConstants;
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
import org.junit.jupiter.api.Test;

/** Two simulated venues side by side, each under its own name, through Camel URIs. */
class SimComponentRoutesTest extends CamelTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        context.addComponent("sim-a", new SimComponent(SimVenueConfig.defaults("sim-a", 1)));
        context.addComponent("sim-b", new SimComponent(SimVenueConfig.defaults("sim-b", 2)));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("sim-a:funding?delay=100&initialDelay=0").to("mock:funding");
            }
        };
    }

    @Test
    void fundingConsumerEmitsTheNamedVenuesSnapshot() throws Exception {
        MockEndpoint funding = getMockEndpoint("mock:funding");
        funding.expectedMinimumMessageCount(2);
        funding.assertIsSatisfied(5_000);
        FundingSnapshot snapshot = funding.getReceivedExchanges().get(0).getMessage().getBody(FundingSnapshot.class);
        assertThat(snapshot.venue()).isEqualTo("sim-a");
        assertThat(snapshot.rates()).extracting(r -> r.symbol()).contains("BTC", "2Z", "Z", "BONK");
        assertThat(snapshot.stats()).allSatisfy(s -> assertThat(s.volume24hUsd()).isPositive());
    }

    @Test
    void submitQueryAndCancelRoundTripOnTheOtherVenue() {
        OrderRequest request = OrderRequest.limit("rt-1", "ETH", Side.BUY, new BigDecimal("0.1"), new BigDecimal("2500"),
                TimeInForce.GTC);
        Order placed = template.requestBody("sim-b:submitOrder", request, Order.class);
        assertThat(placed.venue()).isEqualTo("sim-b");
        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);

        Map<String, Object> headers = Map.of(PerpConstants.SYMBOL, "ETH", PerpConstants.CLIENT_ORDER_ID, "rt-1");
        Order queried = template.requestBodyAndHeaders("sim-b:queryOrder", null, headers, Order.class);
        assertThat(queried.venueOrderId()).isEqualTo(placed.venueOrderId());
        Order cancelled = template.requestBodyAndHeaders("sim-b:cancelOrder", null, headers, Order.class);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(template.requestBody("sim-a:openOrders", null, java.util.List.class)).isEmpty();
    }
}
