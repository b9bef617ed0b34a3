package dev.perpflow.component.hyperliquid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.StreamState;
import dev.perpflow.testkit.FakeServerFaults;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hyperliquid's streams against the fake: the {@code l2Book} stream follows the market and comes back after a drop;
 * the account stream reports drops, reconnects and catches up by REST on what happened meanwhile (a fill placed while
 * it was down is delivered under the caller's id).
 */
class HyperliquidStreamsTest {

    private final HyperliquidFixture fixture = new HyperliquidFixture();
    private final HyperliquidExchangeClient client = fixture.agentClient();

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
            fixture.fake.server().dropStreams();
            fixture.sim.exchange().setMid("ETH", mid.add(new BigDecimal("25")));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(latest.get().bbo().orElseThrow()
                    .mid()).isGreaterThan(mid.add(BigDecimal.TEN)));
        }
    }

    @Test
    void aFillMadeWhileTheAccountStreamWasDownArrivesAfterTheReconnect() {
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
            fixture.fake.server().refuseStreams(true);
            fixture.fake.server().dropStreams();
            await().atMost(Duration.ofSeconds(10)).until(() -> states.contains(StreamState.DISCONNECTED));
            client.submitOrder(OrderRequest.market("hl-gap-1", "ETH", Side.BUY, new BigDecimal("0.1"), false)).join();
            fixture.fake.server().refuseStreams(false);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fills)
                    .anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("hl-gap-1")));
            // after the catch-up, fills come live again
            client.submitOrder(OrderRequest.market("hl-gap-2", "ETH", Side.SELL, new BigDecimal("0.1"), false)).join();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fills)
                    .anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("hl-gap-2")));
        }
    }

    @Test
    void aFillThatOutrunsItsOrdersAnswerIsStillDeliveredUnderTheCallersId() {
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
            // the venue fills the order but its answer never comes: the fill (which names only the venue's oid) is
            // all this client hears of the order
            fixture.fake.server().faults().withholdResponseNext(FakeServerFaults.on("POST", "/exchange"));
            var submit = client.submitOrder(OrderRequest.market("hl-race-1", "ETH", Side.BUY, new BigDecimal("0.1"),
                    false));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fills)
                    .singleElement().satisfies(f -> assertThat(f.clientOrderId()).isEqualTo("hl-race-1")));
            assertThat(submit).failsWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void aSubscriptionTheVenueNeverAcknowledgesIsMadeAgainOnANewConnection() {
        List<Fill> fills = new CopyOnWriteArrayList<>();
        fixture.fake.ignoreSubscriptions("userFills", 1);
        try (var subscription = client.subscribeOrders(new OrderEventListener() {
            @Override
            public void onOrder(Order order) {
            }

            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
            }
        })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.fake.server().streamConnections() == 1);
            client.submitOrder(OrderRequest.market("hl-lost-1", "ETH", Side.BUY, new BigDecimal("0.1"), false)).join();
            // the fill went to nobody; the unconfirmed subscription makes the stream connect again and catch up
            await().atMost(HyperliquidStreams.SUBSCRIBE_ACK_TIMEOUT.plusSeconds(15)).untilAsserted(() -> {
                assertThat(fixture.fake.server().streamConnections()).isGreaterThanOrEqualTo(2);
                assertThat(fills).anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("hl-lost-1"));
            });
        }
    }
}
