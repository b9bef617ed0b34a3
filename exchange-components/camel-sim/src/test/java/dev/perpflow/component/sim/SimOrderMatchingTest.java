package dev.perpflow.component.sim;

import static dev.perpflow.component.sim.SimTestVenues.limit;
import static dev.perpflow.component.sim.SimTestVenues.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching of every order type against the synthetic book: bid 89999, ask 90001, +1 per level, 0.555 BTC each. */
class SimOrderMatchingTest {

    private final SimExchange sim = SimTestVenues.engine();

    @Test
    void marketBuyTakesTheBestAskWithTakerFee() {
        Order order = sim.submit(market("m1", Side.BUY, "0.1"));
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.averagePrice()).isEqualByComparingTo("90001");
        Fill fill = sim.fillsSince(SimTestVenues.START).get(0);
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        // 0.1 × 90001 × 0.0005 = 4.50005
        assertThat(fill.fee()).isEqualByComparingTo("4.50005");
    }

    @Test
    void marketOrderWalksLevelsAndAveragesThePrice() {
        Order order = sim.submit(market("m2", Side.SELL, "1"));
        // 0.555 at 89999 + 0.445 at 89998
        assertThat(order.filledQuantity()).isEqualByComparingTo("1");
        assertThat(sim.fillsSince(SimTestVenues.START)).extracting(Fill::price)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("89999"), new BigDecimal("89998"));
        assertThat(order.averagePrice()).isEqualByComparingTo("89998.555");
    }

    @Test
    void marketOrderLargerThanTheBookIsPartiallyFilledAndTheRestCancelled() {
        SimExchange rich = new SimExchange(SimTestVenues.still("t").withInitialBalance(new BigDecimal("1000000")),
                SimTestVenues.START);
        Order order = rich.submit(market("m3", Side.BUY, "6"));
        // ten levels of 0.555
        assertThat(order.filledQuantity()).isEqualByComparingTo("5.55");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(rich.positions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("5.55"));
    }

    @Test
    void crossingLimitTakesWhatCrossesAndRestsTheRest() {
        Order order = sim.submit(limit("l1", Side.BUY, "1", "90001", TimeInForce.GTC));
        assertThat(order.filledQuantity()).isEqualByComparingTo("0.555");
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(sim.openOrders("BTC")).extracting(Order::clientOrderId).containsExactly("l1");
    }

    @Test
    void restingOrderFillsAsMakerOverSeveralStepsWhenThePriceTradesThrough() {
        sim.submit(limit("r1", Side.BUY, "0.5", "89900", TimeInForce.GTC));
        assertThat(sim.fillsSince(SimTestVenues.START)).isEmpty();
        // best ask 89899 ≤ 89900: up to 20000 USD ≈ 0.222 BTC per step fills at the order's price
        sim.setMid("BTC", new BigDecimal("89898"));
        Order afterOne = sim.query("BTC", "r1");
        assertThat(afterOne.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(afterOne.filledQuantity()).isEqualByComparingTo("0.222");
        sim.setMid("BTC", new BigDecimal("89898"));
        sim.setMid("BTC", new BigDecimal("89898"));
        Order done = sim.query("BTC", "r1");
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.averagePrice()).isEqualByComparingTo("89900");
        List<Fill> fills = sim.fillsSince(SimTestVenues.START);
        assertThat(fills).hasSize(3).allSatisfy(f -> {
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(f.price()).isEqualByComparingTo("89900");
        });
        // maker fee 0.0002 on the first fill: 0.222 × 89900 × 0.0002 = 3.99156
        assertThat(fills.get(0).fee()).isEqualByComparingTo("3.99156");
    }

    @Test
    void iocFillsWhatCrossesAndCancelsTheRest() {
        Order order = sim.submit(limit("i1", Side.SELL, "1", "89999", TimeInForce.IOC));
        assertThat(order.filledQuantity()).isEqualByComparingTo("0.555");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(sim.openOrders(null)).isEmpty();
    }

    @Test
    void postOnlyThatWouldCrossIsRejectedAndNothingIsPlaced() {
        assertThatThrownBy(() -> sim.submit(limit("p1", Side.BUY, "0.1", "90001", TimeInForce.POST_ONLY)))
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining("post-only")
                .hasMessageContaining("90001");
        assertThatThrownBy(() -> sim.query("BTC", "p1")).isInstanceOf(OrderNotFoundException.class);
        assertThat(sim.fillsSince(SimTestVenues.START)).isEmpty();
    }

    @Test
    void postOnlyInsideTheSpreadRests() {
        Order order = sim.submit(limit("p2", Side.SELL, "0.1", "90001", TimeInForce.POST_ONLY));
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.filledQuantity()).isZero();
    }

    @Test
    void cancelEndsAWorkingOrderAndReturnsAFinishedOneUnchanged() {
        sim.submit(limit("c1", Side.BUY, "0.1", "89000", TimeInForce.GTC));
        assertThat(sim.cancel("BTC", "c1").status()).isEqualTo(OrderStatus.CANCELED);
        sim.submit(market("c2", Side.BUY, "0.1"));
        assertThat(sim.cancel("BTC", "c2").status()).isEqualTo(OrderStatus.FILLED);
        assertThatThrownBy(() -> sim.cancel("BTC", "nope")).isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void aDuplicateClientOrderIdIsRejectedNeverPlacedTwice() {
        sim.submit(limit("d1", Side.BUY, "0.1", "89000", TimeInForce.GTC));
        assertThatThrownBy(() -> sim.submit(limit("d1", Side.BUY, "0.1", "89000", TimeInForce.GTC)))
                .hasMessageContaining("duplicate client order id");
        assertThat(sim.openOrders("BTC")).hasSize(1);
    }

    @Test
    void offGridQuantityOrPriceAndUnknownSymbolsAreRejected() {
        assertThatThrownBy(() -> sim.submit(market("g1", Side.BUY, "0.0001"))).hasMessageContaining("lot size");
        assertThatThrownBy(() -> sim.submit(limit("g2", Side.BUY, "0.1", "89000.5", TimeInForce.GTC)))
                .hasMessageContaining("tick size");
        assertThatThrownBy(() -> sim.book("DOGE", 5)).isInstanceOf(MarketNotFoundException.class);
    }

    @Test
    void belowMinimumNotionalIsRejected() {
        assertThatThrownBy(() -> sim.submit(dev.perpflow.exchange.model.OrderRequest.market("n1", "Z", Side.BUY,
                BigDecimal.ONE, false))).hasMessageContaining("below the minimum");
    }
}
