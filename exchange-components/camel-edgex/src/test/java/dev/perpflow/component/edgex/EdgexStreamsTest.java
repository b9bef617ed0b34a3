package dev.perpflow.component.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.PriceLevel;
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
 * EdgeX's streams against the fake: the quote socket's depth channel keeps the book (and the server's ping is
 * answered with a pong), the private socket connects with the HMAC-signed upgrade and delivers orders and fills, and
 * catches up by REST after a drop.
 */
class EdgexStreamsTest {

    private final EdgexFixture edgex = EdgexFixture.withCredentials();

    @AfterEach
    void close() {
        edgex.close();
    }

    private static List<String> levels(List<PriceLevel> levels) {
        return levels.stream().map(l -> l.price().stripTrailingZeros().toPlainString() + "@"
                + l.quantity().stripTrailingZeros().toPlainString()).toList();
    }

    @Test
    void theBookFollowsTheVenueAndThePingIsAnswered() {
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        try (Subscription ignored = edgex.client.subscribeBook("ETH", latest::set)::close) {
            await().atMost(Duration.ofSeconds(10)).until(() -> latest.get() != null && edgex.fake.pongs() > 0);
            edgex.sim.exchange().setMid("ETH", edgex.sim.exchange().book("ETH", 1).bids().get(0).price()
                    .add(new BigDecimal("30")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                OrderBook venue = edgex.sim.exchange().book("ETH", 10);
                assertThat(levels(latest.get().bids().subList(0, 10))).isEqualTo(levels(venue.bids()));
                assertThat(levels(latest.get().asks().subList(0, 10))).isEqualTo(levels(venue.asks()));
            });
        }
    }

    @Test
    void thePrivateStreamDeliversOrdersAndFillsAndCatchesUpAfterADrop() {
        List<Order> orders = new CopyOnWriteArrayList<>();
        List<Fill> fills = new CopyOnWriteArrayList<>();
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
            public void onStreamState(StreamState state) {
                states.add(state);
            }
        };
        try (Subscription ignored = edgex.client.subscribeOrders(listener)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(StreamState.CONNECTED)
                    && edgex.fake.server().openSessions().size() == 1);
            edgex.client.submitOrder(OrderRequest.market("es-1", "ETH", Side.BUY, new BigDecimal("0.2"), false)).join();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(orders).anySatisfy(o -> {
                    assertThat(o.clientOrderId()).isEqualTo("es-1");
                    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                });
                assertThat(fills).anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("es-1"));
            });
            edgex.fake.server().dropStreams();
            edgex.sim.exchange().submit(OrderRequest.market("es-2", "ETH", Side.SELL, new BigDecimal("0.1"), false));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(states).containsSubsequence(StreamState.CONNECTED, StreamState.DISCONNECTED,
                        StreamState.CONNECTED);
                assertThat(fills).anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("es-2"));
            });
        }
    }
}
