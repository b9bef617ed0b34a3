package dev.perpflow.component.grvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.StreamState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GRVT's feeds against the fake: the {@code v1.book.s} feed follows the market and comes back after a drop; the
 * account feeds (trading host, session cookie) report a drop, stay refused for a while, reconnect and catch up by
 * REST on a fill made meanwhile, delivered under the caller's id.
 */
class GrvtStreamsTest {

    private final GrvtFixture fixture = new GrvtFixture();
    private final GrvtExchangeClient client = fixture.client();

    @AfterEach
    void close() {
        client.close();
        fixture.close();
    }

    @Test
    void theBookFollowsTheMarketAndSurvivesADrop() {
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        try (var subscription = client.subscribeBook("ETH", latest::set)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> latest.get() != null);
            BigDecimal mid = latest.get().bbo().orElseThrow().mid();
            int connections = fixture.fake.marketDataServer().streamConnections();
            fixture.fake.marketDataServer().dropStreams();
            fixture.sim.exchange().setMid("ETH", mid.add(new BigDecimal("25")));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(fixture.fake.marketDataServer().streamConnections()).isGreaterThan(connections);
                assertThat(latest.get().bbo().orElseThrow().mid()).isGreaterThan(mid.add(BigDecimal.TEN));
            });
        }
    }

    @Test
    void aFillMadeWhileTheAccountFeedsWereDownArrivesAfterTheReconnect() {
        List<Fill> fills = new CopyOnWriteArrayList<>();
        List<StreamState> states = new CopyOnWriteArrayList<>();
        try (var subscription = client.subscribeOrders(new OrderEventListener() {
            @Override
            public void onOrder(Order order) {
            }

            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
            }

            @Override
            public void onStreamState(StreamState state) {
                states.add(state);
            }
        })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(StreamState.CONNECTED));
            fixture.fake.tradesServer().refuseStreams(true);
            fixture.fake.tradesServer().dropStreams();
            await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(StreamState.DISCONNECTED));
            client.submitOrder(OrderRequest.market("gr-gap-1", "ETH", Side.BUY, new BigDecimal("0.1"), false)).join();
            // the fill happened while nothing listened: the feeds do not replay it, only the catch-up can bring it
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(fills::isEmpty);
            fixture.fake.tradesServer().refuseStreams(false);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fills)
                    .anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("gr-gap-1")));
            assertThat(states.get(states.size() - 1)).isEqualTo(StreamState.CONNECTED);
        }
    }

    @Test
    void aSubscriptionTheVenueNeverAnswersIsMadeAgainOnANewConnection() {
        List<Fill> fills = new CopyOnWriteArrayList<>();
        fixture.fake.ignoreSubscriptions("v1.fill", 1);
        try (var subscription = client.subscribeOrders(new OrderEventListener() {
            @Override
            public void onOrder(Order order) {
            }

            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
            }
        })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.fake.tradesServer().streamConnections() == 1);
            client.submitOrder(OrderRequest.market("gr-lost-1", "ETH", Side.BUY, new BigDecimal("0.1"), false)).join();
            // the fill went to nobody; the unanswered subscription makes the feeds connect again and catch up
            await().atMost(GrvtStreams.SUBSCRIBE_ACK_TIMEOUT.plusSeconds(15)).untilAsserted(() -> {
                assertThat(fixture.fake.tradesServer().streamConnections()).isGreaterThanOrEqualTo(2);
                assertThat(fills).anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("gr-lost-1"));
            });
        }
    }
}
