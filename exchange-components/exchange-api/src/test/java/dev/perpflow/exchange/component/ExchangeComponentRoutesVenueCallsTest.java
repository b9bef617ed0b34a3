package dev.perpflow.exchange.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import dev.perpflow.exchange.model.FundingRate;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** The shared consumers and producer, driven through a stub venue registered as {@code stub}. */
class ExchangeComponentRoutesVenueCallsTest extends CamelTestSupport {

    private final StubExchangeClient client = new StubExchangeClient();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        context.addComponent("stub", new StubComponent(client));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("stub:funding?delay=50&initialDelay=0&requestTimeout=300&retryDelay=20&bridgeErrorHandler=true")
                        .routeId("funding")
                        .onException(Exception.class).handled(true).to("mock:failures").end()
                        .to("mock:snapshots");
                from("direct:submit").to("stub:submitOrder");
                from("direct:cancel").to("stub:cancelOrder");
            }
        };
    }

    @Test
    void fundingConsumerEmitsSnapshotsWithTheVenueHeader() throws Exception {
        MockEndpoint snapshots = getMockEndpoint("mock:snapshots");
        snapshots.expectedMinimumMessageCount(1);
        snapshots.assertIsSatisfied(5_000);
        Exchange first = snapshots.getReceivedExchanges().get(0);
        assertThat(first.getMessage().getHeader(PerpConstants.VENUE)).isEqualTo("stub");
        FundingSnapshot snapshot = first.getMessage().getBody(FundingSnapshot.class);
        assertThat(snapshot.rates()).extracting(r -> r.symbol()).containsExactly("BTC");
    }

    @Test
    void aFailedPollReachesTheRouteErrorHandlerAsTypedError() throws Exception {
        client.fundingRates = () -> CompletableFuture.failedFuture(new RateLimitedException("stub", Duration.ofSeconds(2)));
        MockEndpoint failures = getMockEndpoint("mock:failures");
        failures.expectedMinimumMessageCount(1);
        failures.assertIsSatisfied(5_000);
        Throwable caught = failures.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(caught).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) caught).retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aHangingPollFailsAfterTheRequestTimeout() throws Exception {
        client.fundingRates = CompletableFuture::new;
        MockEndpoint failures = getMockEndpoint("mock:failures");
        failures.expectedMinimumMessageCount(1);
        failures.assertIsSatisfied(5_000);
        Throwable caught = failures.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(caught).isInstanceOf(VenueUnavailableException.class).hasMessageContaining("no answer within the request timeout");
    }

    @Test
    void anUnreachableVenueIsRetriedWithinThePoll() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Supplier<CompletableFuture<List<FundingRate>>> healthy = client.fundingRates;
        client.fundingRates = () -> calls.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new VenueUnavailableException("stub", "connection refused", null))
                : healthy.get();
        long deadline = System.currentTimeMillis() + 5_000;
        while (calls.get() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(calls.get()).as("polls after the failure").isGreaterThanOrEqualTo(3);
        getMockEndpoint("mock:failures").expectedMessageCount(0);
        getMockEndpoint("mock:failures").assertIsSatisfied();
    }

    @Test
    void submitOrderProducerReturnsTheVenuesOrder() {
        OrderRequest request = OrderRequest.market("cid-1", "BTC", Side.BUY, BigDecimal.ONE, false);
        Order order = template.requestBody("direct:submit", request, Order.class);
        assertThat(order.clientOrderId()).isEqualTo("cid-1");
        assertThat(order.venueOrderId()).isEqualTo("v-1");
    }

    @Test
    void producerFailuresKeepTheirType() {
        client.submitResult = () -> CompletableFuture.failedFuture(new RateLimitedException("stub", Duration.ofMillis(500)));
        OrderRequest request = OrderRequest.market("cid-2", "BTC", Side.BUY, BigDecimal.ONE, false);
        assertThatThrownBy(() -> template.requestBody("direct:submit", request))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(RateLimitedException.class);
    }

    @Test
    void cancelWithoutAClientOrderIdSaysWhatIsMissing() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("direct:cancel", null, PerpConstants.SYMBOL, "BTC"))
                .cause().hasMessageContaining(PerpConstants.CLIENT_ORDER_ID);
    }

    @Test
    void unknownOperationListsTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("stub:fundingz"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("unknown operation 'fundingz'").hasMessageContaining("submitOrder");
    }

    @Test
    void producerOperationsCannotBeConsumed() {
        assertThatThrownBy(() -> context.getEndpoint("stub:positions").createConsumer(exchange -> { }))
                .hasMessageContaining("positions is a producer operation");
    }

    @Test
    void orderStreamEventsCarryTheirType() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stub:orders").to("mock:events");
            }
        });
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedHeaderReceived(PerpConstants.EVENT_TYPE, OrderStreamConsumer.STREAM_STATE);
        client.orderListener.onStreamState(dev.perpflow.exchange.model.StreamState.DISCONNECTED);
        events.assertIsSatisfied(2_000);
        assertThat(List.of(events.getReceivedExchanges().get(0).getMessage().getBody()))
                .containsExactly(dev.perpflow.exchange.model.StreamState.DISCONNECTED);
    }
}
