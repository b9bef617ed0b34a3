package dev.perpflow.component.paradex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.component.paradex.client.ParadexErrors;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paradex's daily maintenance window (cancel-only, then post-only): entries are refused with a reason that names the
 * window, without an order request reaching the venue; cancels go through; a strategy retrying every tick costs one
 * state read per TTL and no error loop against the venue; after the window orders go out again.
 */
class ParadexMaintenanceWindowTest {

    private final ParadexFixture paradex = ParadexFixture.withStateTtl(Duration.ofMillis(300));

    @AfterEach
    void close() {
        paradex.close();
    }

    @Test
    void cancelOnlyRefusesEntriesWithAClearReasonAndLetsCancelsThrough() throws Exception {
        BigDecimal below = paradex.sim.exchange().book("ETH", 1).bids().get(0).price().subtract(new BigDecimal("40"));
        paradex.client.submitOrder(OrderRequest.limit("mw-rest", "ETH", Side.BUY, new BigDecimal("0.2"), below,
                TimeInForce.GTC)).join();
        paradex.fake.systemState("cancel_only");
        Thread.sleep(350); // the last "ok" read expires

        long ordersBefore = orderPosts();
        for (int tick = 0; tick < 20; tick++) {
            String id = "mw-entry-" + tick;
            assertThatThrownBy(() -> paradex.client.submitOrder(OrderRequest.market(id, "ETH", Side.BUY,
                    new BigDecimal("0.1"), false)).join()).hasCauseInstanceOf(OrderRejectedException.class)
                    .hasMessageContaining("maintenance window (cancel-only)").hasMessageContaining("04:30 UTC");
        }
        assertThat(orderPosts()).as("no order request during the window").isEqualTo(ordersBefore);
        assertThat(stateReads()).as("the state is read once per TTL, not per order").isLessThanOrEqualTo(4);

        Order cancelled = paradex.client.cancelOrder("ETH", "mw-rest").join();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(paradex.sim.exchange().openOrders("ETH")).isEmpty();
    }

    @Test
    void postOnlyTakesOnlyPostOnlyOrdersThenTheWindowEnds() throws Exception {
        paradex.fake.systemState("post_only");
        assertThatThrownBy(() -> paradex.client.submitOrder(OrderRequest.market("po-mkt", "ETH", Side.BUY,
                new BigDecimal("0.1"), false)).join()).hasCauseInstanceOf(OrderRejectedException.class)
                .hasMessageContaining(ParadexErrors.POST_ONLY);
        BigDecimal below = paradex.sim.exchange().book("ETH", 1).bids().get(0).price().subtract(new BigDecimal("30"));
        Order maker = paradex.client.submitOrder(OrderRequest.limit("po-maker", "ETH", Side.BUY, new BigDecimal("0.1"),
                below, TimeInForce.POST_ONLY)).join();
        assertThat(maker.status()).isEqualTo(OrderStatus.OPEN);

        paradex.fake.systemState("ok");
        Thread.sleep(350);
        assertThat(paradex.client.submitOrder(OrderRequest.market("po-after", "ETH", Side.BUY, new BigDecimal("0.1"),
                false)).join().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void theVenuesOwnRefusalDuringTheWindowIsTheSameClearRejection() {
        // the client last read "ok" and trusts it for a while; the venue went cancel-only meanwhile
        try (ParadexFixture trusting = ParadexFixture.withStateTtl(Duration.ofMinutes(5))) {
            trusting.client.submitOrder(OrderRequest.market("vr-1", "ETH", Side.BUY, new BigDecimal("0.1"), false)).join();
            trusting.fake.systemState("cancel_only");
            assertThatThrownBy(() -> trusting.client.submitOrder(OrderRequest.market("vr-2", "ETH", Side.BUY,
                    new BigDecimal("0.1"), false)).join()).hasCauseInstanceOf(OrderRejectedException.class)
                    .hasMessageContaining(ParadexErrors.CANCEL_ONLY);
            long posts = trusting.fake.server().requests().stream().filter(r -> r.method().equals("POST")
                    && r.path().equals("/v1/orders")).count();
            // the refusal updated the known state: the next entry is refused without another order request
            assertThatThrownBy(() -> trusting.client.submitOrder(OrderRequest.market("vr-3", "ETH", Side.BUY,
                    new BigDecimal("0.1"), false)).join()).hasCauseInstanceOf(OrderRejectedException.class);
            assertThat(trusting.fake.server().requests().stream().filter(r -> r.method().equals("POST")
                    && r.path().equals("/v1/orders")).count()).isEqualTo(posts);
        }
    }

    private long orderPosts() {
        return paradex.fake.server().requests().stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/v1/orders")).count();
    }

    private long stateReads() {
        return paradex.fake.server().requests().stream().filter(r -> r.path().equals("/v1/system/state")).count();
    }
}
