package dev.perpflow.component.aster;

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

class AsterStreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AsterFixture aster = AsterFixture.withCredentials();

    @AfterEach
    void close() {
        aster.close();
    }

    @Test
    void localBookFollowsTheVenueThroughDiffs() {
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        try (Subscription ignored = aster.client.subscribeBook("ETH", latest::set)) {
            await().atMost(WAIT).until(() -> latest.get() != null);

            for (int step = 0; step < 5; step++) {
                aster.advance(Duration.ofSeconds(1));
            }

            await().atMost(WAIT).untilAsserted(() -> assertSameTop(latest.get(), aster.sim.exchange().book("ETH", 20)));
        }
    }

    @Test
    void sequenceGapResyncsFromANewSnapshot() {
        AtomicReference<OrderBook> latest = new AtomicReference<>();
        try (Subscription ignored = aster.client.subscribeBook("ETH", latest::set)) {
            await().atMost(WAIT).until(() -> latest.get() != null);
            aster.advance(Duration.ofSeconds(1));
            await().atMost(WAIT).untilAsserted(() -> assertSameTop(latest.get(), aster.sim.exchange().book("ETH", 20)));
            long snapshotsBefore = depthSnapshots();

            aster.fake.skipNextDepthUpdate("ETH");
            aster.advance(Duration.ofSeconds(1));
            aster.advance(Duration.ofSeconds(1));

            await().atMost(WAIT).until(() -> depthSnapshots() > snapshotsBefore);
            await().atMost(WAIT).untilAsserted(() -> assertSameTop(latest.get(), aster.sim.exchange().book("ETH", 20)));
        }
    }

    @Test
    void userStreamReportsOrdersFillsAndPositions() {
        Recorder events = new Recorder();
        try (Subscription ignored = aster.client.subscribeOrders(events)) {
            await().atMost(WAIT).until(() -> events.states.contains(StreamState.CONNECTED));

            aster.client.submitOrder(OrderRequest.market("pf-stream-1", "SOL", Side.BUY, new BigDecimal("3"), false))
                    .join();

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(events.fills).extracting(Fill::clientOrderId).contains("pf-stream-1");
                assertThat(events.fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo("3");
                assertThat(events.orders).anySatisfy(o -> {
                    assertThat(o.clientOrderId()).isEqualTo("pf-stream-1");
                    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                });
                assertThat(events.positions).anySatisfy(p -> {
                    assertThat(p.symbol()).isEqualTo("SOL");
                    assertThat(p.quantity()).isEqualByComparingTo("3");
                });
            });
        }
    }

    @Test
    void afterAStreamDropTheMissedFillsArriveByRestCatchUp() {
        Recorder events = new Recorder();
        try (Subscription ignored = aster.client.subscribeOrders(events)) {
            await().atMost(WAIT).until(() -> events.states.contains(StreamState.CONNECTED));
            aster.fake.server().refuseStreams(true);

            aster.fake.server().dropStreams();
            await().atMost(WAIT).until(() -> events.states.contains(StreamState.DISCONNECTED));
            aster.sim.exchange().submit(OrderRequest.market("filled-while-down", "ETH", Side.SELL, BigDecimal.ONE, false));
            aster.fake.server().refuseStreams(false);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(events.states).endsWith(StreamState.CONNECTED);
                assertThat(events.fills).extracting(Fill::clientOrderId).contains("filled-while-down");
                assertThat(events.positions).anySatisfy(p -> assertThat(p.quantity()).isEqualByComparingTo("-1"));
            });
        }
    }

    @Test
    void expiredListenKeyIsReplacedByANewOne() {
        Recorder events = new Recorder();
        try (Subscription ignored = aster.client.subscribeOrders(events)) {
            await().atMost(WAIT).until(() -> events.states.contains(StreamState.CONNECTED));

            aster.fake.expireListenKeys();

            await().atMost(Duration.ofSeconds(20)).until(() -> listenKeysIssued() == 2
                    && aster.fake.server().openSessions().size() == 1);
            aster.client.submitOrder(OrderRequest.market("pf-after-expiry", "BTC", Side.BUY, new BigDecimal("0.01"),
                    false)).join();
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(events.fills).extracting(Fill::clientOrderId).contains("pf-after-expiry"));
        }
    }

    private long depthSnapshots() {
        return aster.fake.server().requests().stream().filter(r -> r.path().equals("/fapi/v1/depth")).count();
    }

    private long listenKeysIssued() {
        return aster.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/fapi/v1/listenKey")).count();
    }

    private static void assertSameTop(OrderBook local, OrderBook venue) {
        assertThat(local).isNotNull();
        assertThat(local.bids().get(0).price()).isEqualByComparingTo(venue.bids().get(0).price());
        assertThat(local.asks().get(0).price()).isEqualByComparingTo(venue.asks().get(0).price());
        assertThat(local.bids()).hasSize(Math.min(20, venue.bids().size()));
        for (int i = 0; i < local.bids().size(); i++) {
            assertThat(local.bids().get(i).price()).isEqualByComparingTo(venue.bids().get(i).price());
            assertThat(local.bids().get(i).quantity()).isEqualByComparingTo(venue.bids().get(i).quantity());
        }
    }

    private static final class Recorder implements OrderEventListener {
        final List<Order> orders = new CopyOnWriteArrayList<>();
        final List<Fill> fills = new CopyOnWriteArrayList<>();
        final List<Position> positions = new CopyOnWriteArrayList<>();
        final List<StreamState> states = new CopyOnWriteArrayList<>();

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
    }
}
