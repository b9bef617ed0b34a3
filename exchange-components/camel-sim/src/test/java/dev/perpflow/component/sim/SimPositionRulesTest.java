package dev.perpflow.component.sim;

import static dev.perpflow.component.sim.SimTestVenues.limit;
import static dev.perpflow.component.sim.SimTestVenues.market;
import static dev.perpflow.component.sim.SimTestVenues.reduceOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Reduce-only, margin, leverage, liquidation and realized PnL. */
class SimPositionRulesTest {

    private final SimExchange sim = SimTestVenues.engine();

    private Position btc() {
        return sim.positions().stream().filter(p -> p.symbol().equals("BTC")).findFirst().orElseThrow();
    }

    @Test
    void reduceOnlyWithoutAPositionIsRejected() {
        assertThatThrownBy(() -> sim.submit(reduceOnly("r1", Side.SELL, "0.1")))
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining("would increase the position");
    }

    @Test
    void reduceOnlyOnTheSameSideAsThePositionIsRejected() {
        sim.submit(market("o1", Side.BUY, "0.2"));
        assertThatThrownBy(() -> sim.submit(reduceOnly("r2", Side.BUY, "0.1")))
                .hasMessageContaining("would increase the position");
        assertThat(btc().quantity()).isEqualByComparingTo("0.2");
    }

    @Test
    void reduceOnlyIsCappedAtThePositionAndNeverFlipsIt() {
        sim.submit(market("o2", Side.BUY, "0.2"));
        Order order = sim.submit(reduceOnly("r3", Side.SELL, "0.5"));
        assertThat(order.quantity()).isEqualByComparingTo("0.2");
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(sim.positions()).isEmpty();
    }

    @Test
    void restingReduceOnlyNeverIncreasesAPositionThatShrankMeanwhile() {
        sim.submit(market("o3", Side.BUY, "0.3"));
        sim.submit(OrderRequest.limit("r4", "BTC", Side.SELL, new BigDecimal("0.3"), new BigDecimal("90100"),
                TimeInForce.GTC).withReduceOnly(true));
        sim.submit(market("o4", Side.SELL, "0.25"));
        assertThat(btc().quantity()).isEqualByComparingTo("0.05");
        sim.setMid("BTC", new BigDecimal("90200"));
        assertThat(sim.positions()).isEmpty();
        Order reduce = sim.query("BTC", "r4");
        assertThat(reduce.filledQuantity()).isEqualByComparingTo("0.05");
        assertThat(reduce.status()).isEqualTo(OrderStatus.CANCELED);
        sim.setMid("BTC", new BigDecimal("90300"));
        assertThat(sim.positions()).as("never short after the reduce-only order").isEmpty();
    }

    @Test
    void closingRealizesPnlIntoTheBalance() {
        sim.submit(market("o5", Side.BUY, "0.1"));    // at 90001, fee 4.50005
        sim.setMid("BTC", new BigDecimal("91000"));
        sim.submit(market("o6", Side.SELL, "0.1"));   // at 90999, fee 0.1 × 90999 × 0.0005 = 4.54995
        // 100000 + 0.1 × (90999 − 90001) − 4.50005 − 4.54995 = 100090.75
        Balance balance = sim.balances().get(0);
        assertThat(balance.total()).isEqualByComparingTo("100090.75");
        assertThat(balance.available()).isEqualByComparingTo("100090.75");
    }

    @Test
    void unrealizedPnlAndMarginAreReported() {
        sim.submit(market("o7", Side.SELL, "1"));  // 0.555 at 89999, 0.445 at 89998 → entry 89998.555
        sim.setMid("BTC", new BigDecimal("89000"));
        Position position = btc();
        assertThat(position.quantity()).isEqualByComparingTo("-1");
        assertThat(position.entryPrice()).isEqualByComparingTo("89998.555");
        assertThat(position.unrealizedPnl()).isEqualByComparingTo("998.555");
        // margin = 1 × 89998.555 / 5
        assertThat(position.margin()).isEqualByComparingTo("17999.711");
    }

    @Test
    void liquidationPriceFollowsTheIsolatedMarginFormula() {
        sim.setLeverage("BTC", 10);
        sim.submit(market("o8", Side.BUY, "0.1"));  // entry 90001
        // long: 90001 × (1 − 1/10 + 0.005) = 81450.905
        assertThat(btc().liquidationPrice()).isEqualByComparingTo("81450.905");
        sim.submit(market("o9", Side.SELL, "0.2"));  // flips short at 89999
        // short: 89999 × (1 + 1/10 − 0.005) = 98548.905
        assertThat(btc().liquidationPrice()).isEqualByComparingTo("98548.905");
    }

    @Test
    void aBreachedLiquidationPriceClosesThePositionAtThatPrice() {
        sim.setLeverage("BTC", 20);
        sim.submit(market("o10", Side.BUY, "0.1"));  // 90001 × (1 − 0.05 + 0.005) = 85950.955
        sim.setMid("BTC", new BigDecimal("85900"));
        assertThat(sim.positions()).isEmpty();
        Fill liquidation = sim.fillsSince(SimTestVenues.START).get(1);
        assertThat(liquidation.tradeId()).contains("-liq-");
        assertThat(liquidation.side()).isEqualTo(Side.SELL);
        assertThat(liquidation.price()).isEqualByComparingTo("85951");
    }

    @Test
    void leverageIsClampedToTheMarketMaximum() {
        assertThat(sim.setLeverage("BTC", 500)).isEqualTo(20);
        assertThat(sim.setLeverage("BTC", 0)).isEqualTo(1);
    }

    @Test
    void anOrderNeedingMoreMarginThanAvailableIsRejected() {
        // 6 BTC × 90001 / 5 = 108001.2 > 100000
        assertThatThrownBy(() -> sim.submit(limit("big", Side.BUY, "6", "90001", TimeInForce.GTC)))
                .isInstanceOf(InsufficientMarginException.class).hasMessageContaining("available 100000");
        assertThat(sim.openOrders(null)).isEmpty();
    }

    @Test
    void reducingAnExistingPositionNeedsNoExtraMargin() {
        sim.setLeverage("BTC", 1);
        sim.submit(market("o11", Side.BUY, "1.1"));  // uses ~99000 of 100000
        Order close = sim.submit(market("o12", Side.SELL, "1.1"));
        assertThat(close.status()).isEqualTo(OrderStatus.FILLED);
    }
}
