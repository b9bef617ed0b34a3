package dev.perpflow.component.backpack;

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
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackpackStreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void localBookFollowsTheVenueThroughDiffs() {
        try (BackpackFixture backpack = BackpackFixture.publicOnly()) {
            AtomicReference<OrderBook> latest = new AtomicReference<>();
            try (Subscription ignored = backpack.client.subscribeBook("ETH", latest::set)) {
                await().atMost(WAIT).until(() -> latest.get() != null);

                for (int step = 0; step < 5; step++) {
                    backpack.advance(Duration.ofSeconds(1));
                }

                await().atMost(WAIT).untilAsserted(() ->
                        assertSameBook(latest.get(), backpack.sim.exchange().book("ETH", 20)));
                assertThat(latest.get().sequence()).isGreaterThan(1);
                assertThat(depthSnapshots(backpack)).isEqualTo(1);
            }
        }
    }

    @Test
    void sequenceGapResyncsFromANewSnapshot() {
        try (BackpackFixture backpack = BackpackFixture.publicOnly()) {
            AtomicReference<OrderBook> latest = new AtomicReference<>();
            try (Subscription ignored = backpack.client.subscribeBook("BONK", latest::set)) {
                await().atMost(WAIT).until(() -> latest.get() != null);
                backpack.advance(Duration.ofSeconds(1));
                await().atMost(WAIT).untilAsserted(() ->
                        assertSameBook(latest.get(), backpack.sim.exchange().book("BONK", 20)));
                long snapshotsBefore = depthSnapshots(backpack);

                backpack.fake.skipNextDepthUpdate("BONK");
                backpack.advance(Duration.ofSeconds(1));
                backpack.advance(Duration.ofSeconds(1));

                await().atMost(WAIT).until(() -> depthSnapshots(backpack) > snapshotsBefore);
                await().atMost(WAIT).untilAsserted(() ->
                        assertSameBook(latest.get(), backpack.sim.exchange().book("BONK", 20)));
            }
        }
    }

    @Test
    void bookStreamResubscribesAndResyncsAfterADrop() {
        try (BackpackFixture backpack = BackpackFixture.publicOnly()) {
            AtomicReference<OrderBook> latest = new AtomicReference<>();
            try (Subscription ignored = backpack.client.subscribeBook("SOL", latest::set)) {
                await().atMost(WAIT).until(() -> latest.get() != null);

                backpack.fake.server().dropStreams();
                await().atMost(WAIT).until(() -> backpack.fake.server().streamConnections() == 2
                        && depthSnapshots(backpack) == 2);
                backpack.advance(Duration.ofSeconds(2));

                await().atMost(WAIT).untilAsserted(() ->
                        assertSameBook(latest.get(), backpack.sim.exchange().book("SOL", 20)));
            }
        }
    }

    @Test
    void accountStreamReportsOrdersFillsAndPositionsUnderTheCallersIds() {
        try (BackpackFixture backpack = BackpackFixture.withCredentials()) {
            Recorder events = new Recorder();
            try (Subscription ignored = backpack.client.subscribeOrders(events)) {
                await().atMost(WAIT).until(() -> events.states.contains(StreamState.CONNECTED));
                await().atMost(WAIT).until(() -> backpack.fake.server().openSessions().size() == 1);

                backpack.client.submitOrder(OrderRequest.market("pf-stream-1", "SOL", Side.BUY, new BigDecimal("3"),
                        false)).join();
                backpack.client.submitOrder(OrderRequest.limit("pf-stream-2", "ETH", Side.BUY, new BigDecimal("0.1"),
                        new BigDecimal("2000"), TimeInForce.GTC)).join();
                backpack.client.cancelOrder("ETH", "pf-stream-2").join();

                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(events.fills).extracting(Fill::clientOrderId).contains("pf-stream-1");
                    assertThat(events.fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                            .isEqualByComparingTo("3");
                    assertThat(events.fills).allSatisfy(f -> assertThat(f.fee()).isPositive());
                    assertThat(events.orders).anySatisfy(o -> {
                        assertThat(o.clientOrderId()).isEqualTo("pf-stream-1");
                        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                    });
                    assertThat(events.orders).anySatisfy(o -> {
                        assertThat(o.clientOrderId()).isEqualTo("pf-stream-2");
                        assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
                    });
                    assertThat(events.orders).anySatisfy(o -> {
                        assertThat(o.clientOrderId()).isEqualTo("pf-stream-2");
                        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
                    });
                    assertThat(events.positions).anySatisfy(p -> {
                        assertThat(p.symbol()).isEqualTo("SOL");
                        assertThat(p.quantity()).isEqualByComparingTo("3");
                        assertThat(p.entryPrice()).isPositive();
                    });
                });
            }
        }
    }

    @Test
    void afterADropItResubscribesWithAFreshSignatureAndCatchesUpWhatWasMissed() {
        // signatures valid for one second: a reconnect reusing the first subscribe's signature would be refused
        try (BackpackFixture backpack = BackpackFixture.withWindow(Duration.ofSeconds(1))) {
            Recorder events = new Recorder();
            try (Subscription ignored = backpack.client.subscribeOrders(events)) {
                await().atMost(WAIT).until(() -> events.states.contains(StreamState.CONNECTED));
                await().atMost(WAIT).until(() -> backpack.fake.server().openSessions().size() == 1);
                BigDecimal bid = backpack.sim.exchange().book("ETH", 1).bids().get(0).price();
                backpack.client.submitOrder(OrderRequest.limit("pf-resting", "ETH", Side.BUY, new BigDecimal("0.1"),
                        bid, TimeInForce.GTC)).join();
                await().atMost(WAIT).until(() -> events.orders.stream()
                        .anyMatch(o -> o.clientOrderId().equals("pf-resting")));

                backpack.fake.server().refuseStreams(true);
                backpack.fake.server().dropStreams();
                await().atMost(WAIT).until(() -> events.states.contains(StreamState.DISCONNECTED));
                // while the stream is down the resting order fills and the position opens
                backpack.sim.exchange().setMid("ETH", bid.subtract(new BigDecimal("100")));
                assertThat(backpack.sim.exchange().query(null,
                        Long.toString(BackpackClientIds.venueId("pf-resting"))).status()).isEqualTo(OrderStatus.FILLED);
                assertThat(events.fills).isEmpty();
                backpack.fake.server().refuseStreams(false);

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(events.states).endsWith(StreamState.CONNECTED);
                    assertThat(events.fills).extracting(Fill::clientOrderId).contains("pf-resting");
                    assertThat(events.orders).anySatisfy(o -> {
                        assertThat(o.clientOrderId()).isEqualTo("pf-resting");
                        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                    });
                    assertThat(events.positions).anySatisfy(p -> assertThat(p.quantity()).isEqualByComparingTo("0.1"));
                });

                // live events flow again: the new subscription was accepted
                backpack.client.submitOrder(OrderRequest.market("pf-after", "BTC", Side.SELL, new BigDecimal("0.01"),
                        false)).join();
                await().atMost(WAIT).untilAsserted(() ->
                        assertThat(events.fills).extracting(Fill::clientOrderId).contains("pf-after"));
                assertThat(backpack.fake.server().streamConnections()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void refusedSubscriptionIsReportedAsDisconnected() {
        BackpackCredentials someoneElse = BackpackCredentials.of(BackpackTestKeys.OTHER_PUBLIC_KEY,
                BackpackTestKeys.OTHER_SECRET);
        try (BackpackFixture backpack = BackpackFixture.withCredentials(someoneElse)) {
            Recorder events = new Recorder();
            try (Subscription ignored = backpack.client.subscribeOrders(events)) {
                await().atMost(WAIT).until(() -> events.states.contains(StreamState.DISCONNECTED));

                backpack.sim.exchange().submit(OrderRequest.market("42", "ETH", Side.BUY, new BigDecimal("0.1"), false));

                assertThat(events.fills).isEmpty();
            }
        }
    }

    private static long depthSnapshots(BackpackFixture backpack) {
        return backpack.fake.server().requests().stream().filter(r -> r.path().equals("/api/v1/depth")).count();
    }

    private static void assertSameBook(OrderBook local, OrderBook venue) {
        assertThat(local).isNotNull();
        assertThat(local.bids()).hasSize(Math.min(20, venue.bids().size()));
        assertThat(local.asks()).hasSize(Math.min(20, venue.asks().size()));
        for (int i = 0; i < local.bids().size(); i++) {
            assertThat(local.bids().get(i).price()).isEqualByComparingTo(venue.bids().get(i).price());
            assertThat(local.bids().get(i).quantity()).isEqualByComparingTo(venue.bids().get(i).quantity());
        }
        for (int i = 0; i < local.asks().size(); i++) {
            assertThat(local.asks().get(i).price()).isEqualByComparingTo(venue.asks().get(i).price());
            assertThat(local.asks().get(i).quantity()).isEqualByComparingTo(venue.asks().get(i).quantity());
        }
    }

    static final class Recorder implements OrderEventListener {
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
