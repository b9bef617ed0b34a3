package dev.perpflow.component.paradex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
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
 * Paradex's JSON-RPC streams against the fake: the book follows the venue's snapshot channel (levels that leave the
 * top are removed), the private channels authenticate with the JWT and deliver orders, fills and positions, and after
 * a drop the stream reconnects, authenticates again and catches up by REST.
 */
class ParadexStreamsTest {

    private final ParadexFixture paradex = ParadexFixture.withCredentials();

    @AfterEach
    void close() {
        paradex.close();
    }

    @Test
    void theBookFollowsTheVenueAsItMoves() {
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        try (Subscription ignored = paradex.client.subscribeBook("ETH", latest::set)::close) {
            await().atMost(Duration.ofSeconds(10)).until(() -> latest.get() != null);
            paradex.sim.advance(Duration.ofSeconds(3));
            paradex.sim.exchange().setMid("ETH", paradex.sim.exchange().book("ETH", 1).bids().get(0).price()
                    .add(new BigDecimal("25")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                OrderBook venue = paradex.sim.exchange().book("ETH", 10);
                assertThat(levels(latest.get().bids().subList(0, 10))).isEqualTo(levels(venue.bids()));
                assertThat(levels(latest.get().asks().subList(0, 10))).isEqualTo(levels(venue.asks()));
            });
        }
    }

    static List<String> levels(List<dev.perpflow.exchange.model.PriceLevel> levels) {
        return levels.stream().map(l -> l.price().stripTrailingZeros().toPlainString() + "@"
                + l.quantity().stripTrailingZeros().toPlainString()).toList();
    }

    @Test
    void privateChannelsDeliverOrdersFillsAndPositionsAndCatchUpAfterADrop() {
        List<Order> orders = new CopyOnWriteArrayList<>();
        List<Fill> fills = new CopyOnWriteArrayList<>();
        List<Position> positions = new CopyOnWriteArrayList<>();
        List<StreamState> states = new CopyOnWriteArrayList<>();
        OrderEventListener listener = new OrderEventListener() {
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
        };
        try (Subscription ignored = paradex.client.subscribeOrders(listener)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(StreamState.CONNECTED));
            await().atMost(Duration.ofSeconds(5)).until(() -> paradex.fake.server().openSessions().size() == 1);
            // CONNECTED is the socket; the channels are live once the venue took the subscriptions
            await().atMost(Duration.ofSeconds(5)).until(() -> paradex.fake.subscribed("orders.ALL")
                    && paradex.fake.subscribed("fills.ALL") && paradex.fake.subscribed("positions"));
            paradex.client.submitOrder(OrderRequest.market("st-1", "ETH", Side.BUY, new BigDecimal("0.3"), false)).join();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(orders).anySatisfy(o -> {
                    assertThat(o.clientOrderId()).isEqualTo("st-1");
                    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                });
                assertThat(fills).anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("st-1"));
                assertThat(positions).anySatisfy(p -> assertThat(p.quantity()).isEqualByComparingTo("0.3"));
            });

            paradex.fake.server().dropStreams();
            // while the stream is down an order fills; the catch-up after the reconnect reports it
            paradex.sim.exchange().submit(OrderRequest.market("st-2", "ETH", Side.SELL, new BigDecimal("0.1"), false));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(states).containsSubsequence(StreamState.CONNECTED, StreamState.DISCONNECTED,
                        StreamState.CONNECTED);
                assertThat(fills).anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("st-2"));
            });
            assertThat(paradex.fake.authCount()).as("one JWT serves the reconnect while it is fresh").isEqualTo(1);
        }
    }
}
