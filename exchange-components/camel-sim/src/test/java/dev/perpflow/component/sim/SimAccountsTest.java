package dev.perpflow.component.sim;

import static dev.perpflow.component.sim.SimTestVenues.START;
import static dev.perpflow.component.sim.SimTestVenues.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several accounts at one simulated venue: shared prices, nothing else shared. */
class SimAccountsTest {

    private final SimClock clock = new SimClock(START);
    private final SimExchangeClient venue = SimExchangeClient.manual(SimTestVenues.still("acc"), clock);
    private final SimExchangeClient alice = venue.forAccount("alice");

    @AfterEach
    void close() {
        venue.close();
    }

    @Test
    void eachAccountHasItsOwnPositionsBalancesAndFills() throws Exception {
        venue.submitOrder(market("m1", Side.BUY, "0.5")).get();
        alice.submitOrder(market("a1", Side.SELL, "0.2")).get();

        assertThat(venue.positions().get()).extracting(Position::quantity).containsExactly(new BigDecimal("0.5"));
        assertThat(alice.positions().get()).extracting(Position::quantity).containsExactly(new BigDecimal("-0.2"));
        assertThat(venue.fillsSince(START).get()).extracting(Fill::clientOrderId).containsOnly("m1");
        assertThat(alice.fillsSince(START).get()).extracting(Fill::clientOrderId).containsOnly("a1");
        assertThat(alice.balances().get().get(0).total())
                .isNotEqualByComparingTo(venue.balances().get().get(0).total());
    }

    @Test
    void clientOrderIdsAreScopedToTheAccount() throws Exception {
        venue.submitOrder(market("same", Side.BUY, "0.1")).get();
        assertThat(alice.submitOrder(market("same", Side.BUY, "0.1")).get().clientOrderId()).isEqualTo("same");
        assertThatThrownBy(() -> alice.queryOrder("BTC", "only-main").join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void aReduceOnlyOrderOfOneAccountCannotCloseAnotherAccountsPosition() throws Exception {
        venue.submitOrder(market("m1", Side.BUY, "0.5")).get();
        assertThatThrownBy(() -> alice.submitOrder(SimTestVenues.reduceOnly("r1", Side.SELL, "0.5")).join())
                .hasMessageContaining("reduce-only");
        assertThat(venue.positions().get()).extracting(Position::quantity).containsExactly(new BigDecimal("0.5"));
    }

    @Test
    void privateStreamsCarryOnlyTheirAccountsEvents() throws Exception {
        List<String> mainSeen = new CopyOnWriteArrayList<>();
        List<String> aliceSeen = new CopyOnWriteArrayList<>();
        venue.subscribeOrders(listener(mainSeen));
        alice.subscribeOrders(listener(aliceSeen));
        venue.submitOrder(market("m1", Side.BUY, "0.1")).get();
        alice.submitOrder(market("a1", Side.BUY, "0.1")).get();
        await().until(() -> mainSeen.contains("m1") && aliceSeen.contains("a1"));
        assertThat(mainSeen).doesNotContain("a1");
        assertThat(aliceSeen).doesNotContain("m1");
    }

    @Test
    void forAccountAnswersTheSameClientForTheSameName() {
        assertThat(venue.forAccount("alice")).isSameAs(alice);
        assertThat(venue.forAccount(SimExchange.DEFAULT_ACCOUNT)).isSameAs(venue);
    }

    private static OrderEventListener listener(List<String> seen) {
        return new OrderEventListener() {
            @Override
            public void onOrder(Order order) {
                seen.add(order.clientOrderId());
            }

            @Override
            public void onFill(Fill fill) {
            }
        };
    }
}
