package dev.perpflow.component.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Position;
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
 * Lighter's streams against the fake: the local book follows {@code order_book/{market}} from the subscription's
 * snapshot by its nonce chain and, after a lost update, subscribes again for a fresh snapshot; the private channels
 * (subscribed with an auth token) deliver orders, fills and positions, and after a drop the stream catches up by REST.
 */
class LighterStreamsTest {

    private final LighterFixture lighter = LighterFixture.withCredentials();

    @AfterEach
    void close() {
        lighter.close();
    }

    @Test
    void theBookFollowsTheNonceChainAndResubscribesAfterALostUpdate() {
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        Subscription subscription = lighter.client.subscribeBook("ETH", latest::set);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> latest.get() != null);
            lighter.advance(Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(latest.get().bids())
                    .isEqualTo(lighter.sim.exchange().book("ETH", 20).bids()));

            lighter.fake.skipNextBookUpdate("ETH");
            lighter.advance(Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(lighter.fake.server().openSessions()).isNotEmpty();
                assertThat(latest.get().bids()).isEqualTo(lighter.sim.exchange().book("ETH", 20).bids());
                assertThat(latest.get().asks()).isEqualTo(lighter.sim.exchange().book("ETH", 20).asks());
            });
        } finally {
            subscription.close();
        }
    }

    @Test
    void privateChannelsDeliverOrdersFillsAndPositionsAndCatchUpAfterADrop() {
        List<Fill> fills = new CopyOnWriteArrayList<>();
        List<Order> orders = new CopyOnWriteArrayList<>();
        List<Position> positions = new CopyOnWriteArrayList<>();
        List<StreamState> states = new CopyOnWriteArrayList<>();
        Subscription subscription = lighter.client.subscribeOrders(new OrderEventListener() {
            @Override
            public void onOrder(Order order) {
                orders.add(order);
            }

            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
            }

            @Override
            public void onPosition(Position position) {
                positions.add(position);
            }

            @Override
            public void onStreamState(StreamState state) {
                states.add(state);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(StreamState.CONNECTED)
                    && lighter.fake.privateChannelsSubscribed());
            lighter.client.submitOrder(OrderRequest.market("s-1", "ETH", Side.BUY, new BigDecimal("0.2"), false))
                    .join();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(fills).anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("s-1"));
                assertThat(orders).anySatisfy(o -> assertThat(o.clientOrderId()).isEqualTo("s-1"));
                assertThat(positions).anySatisfy(p -> assertThat(p.quantity()).isEqualByComparingTo("0.2"));
            });

            lighter.fake.server().dropStreams();
            await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(StreamState.DISCONNECTED));
            // a fill while the stream is down arrives through the REST catch-up after the reconnect
            lighter.sim.exchange().submit(OrderRequest.market("424242", "ETH", Side.SELL, new BigDecimal("0.1"),
                    false));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(fills)
                    .anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("424242")));
        } finally {
            subscription.close();
        }
    }
}
