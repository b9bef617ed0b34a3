package dev.perpflow.component.sim;

import static dev.perpflow.component.sim.SimTestVenues.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed and same calls give the same run, to the last fill; another seed gives another market. */
class SimDeterminismTest {

    /** A scripted hour: resting orders on both sides, a market order, price and funding moving. */
    private static List<String> run(long seed) {
        SimVenueConfig config = SimVenueConfig.defaults("d", seed).withSettlementPeriod(Duration.ofMinutes(10));
        SimExchange sim = new SimExchange(config, START);
        List<String> trace = new ArrayList<>();
        sim.submit(OrderRequest.market("m", "ETH", Side.BUY, new BigDecimal("2"), false));
        sim.submit(OrderRequest.limit("b", "ETH", Side.BUY, new BigDecimal("3"), new BigDecimal("2990"), TimeInForce.GTC));
        sim.submit(OrderRequest.limit("s", "ETH", Side.SELL, new BigDecimal("3"), new BigDecimal("3010"), TimeInForce.GTC));
        for (int minute = 1; minute <= 60; minute++) {
            sim.advanceTo(START.plus(Duration.ofMinutes(minute)));
            trace.add(sim.book("ETH", 1).bbo().orElseThrow().mid().toPlainString());
            trace.add(sim.fundingRates().get(1).rate().toPlainString());
        }
        for (Fill fill : sim.fillsSince(START)) {
            trace.add(fill.tradeId() + " " + fill.price().toPlainString() + " " + fill.quantity().toPlainString());
        }
        sim.settlements().forEach(s -> trace.add(s.amount().toPlainString()));
        trace.add(sim.balances().get(0).total().toPlainString());
        return trace;
    }

    @Test
    void sameSeedSameRun() {
        assertThat(run(42)).isEqualTo(run(42));
    }

    @Test
    void differentSeedsDiffer() {
        assertThat(run(42)).isNotEqualTo(run(43));
    }

    @Test
    void thePriceActuallyMoves() {
        List<String> trace = run(42);
        assertThat(trace.get(0)).isNotEqualTo(trace.get(118));
    }
}
