package dev.perpflow.component.aster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.component.PerpConstants;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code aster} scheme configured by URL properties, as the app does, against the fake venue. */
class AsterComponentRoutesTest extends CamelTestSupport {

    private AsterFixture aster;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        aster = AsterFixture.withCredentials();
        AsterComponent component = new AsterComponent();
        component.getConfiguration().setRestUrl(aster.fake.restUrl().toString());
        component.getConfiguration().setWsUrl(aster.fake.wsUrl().toString());
        component.getConfiguration().setApiKey(AsterFixture.API_KEY);
        component.getConfiguration().setSecretKey(AsterFixture.SECRET);
        context.addComponent("aster", component);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("aster:funding?delay=200&initialDelay=0").to("mock:funding");
                from("aster:book?symbol=BTC").to("mock:book");
            }
        };
    }

    @AfterEach
    void closeFake() {
        aster.close();
    }

    @Test
    void fundingConsumerEmitsAsterSnapshots() throws Exception {
        MockEndpoint funding = getMockEndpoint("mock:funding");
        funding.expectedMinimumMessageCount(2);
        funding.assertIsSatisfied(10_000);

        FundingSnapshot snapshot = funding.getReceivedExchanges().get(0).getMessage().getBody(FundingSnapshot.class);
        assertThat(snapshot.venue()).isEqualTo("aster");
        assertThat(snapshot.rates()).extracting(r -> r.symbol()).containsExactlyInAnyOrder("BTC", "ETH", "SOL", "2Z", "Z",
                "BONK");
        assertThat(snapshot.stats()).allSatisfy(s -> assertThat(s.openInterestUsd()).isPositive());
    }

    @Test
    void bookConsumerEmitsTheLocalBook() throws Exception {
        MockEndpoint book = getMockEndpoint("mock:book");
        book.expectedMinimumMessageCount(1);
        book.assertIsSatisfied(10_000);

        OrderBook first = book.getReceivedExchanges().get(0).getMessage().getBody(OrderBook.class);
        assertThat(first.symbol()).isEqualTo("BTC");
        assertThat(first.bids()).isNotEmpty();
    }

    @Test
    void submitAndQueryThroughTheProducer() {
        Order placed = template.requestBody("aster:submitOrder",
                OrderRequest.market("route-1", "ETH", Side.BUY, new BigDecimal("0.5"), false), Order.class);
        assertThat(placed.status()).isEqualTo(OrderStatus.FILLED);

        Order queried = template.requestBodyAndHeaders("aster:queryOrder", null,
                Map.of(PerpConstants.SYMBOL, "ETH", PerpConstants.CLIENT_ORDER_ID, "route-1"), Order.class);
        assertThat(queried.venueOrderId()).isEqualTo(placed.venueOrderId());
        assertThat(queried.filledQuantity()).isEqualByComparingTo("0.5");
    }
}
