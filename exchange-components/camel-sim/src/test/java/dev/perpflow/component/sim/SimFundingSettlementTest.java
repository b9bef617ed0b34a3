package dev.perpflow.component.sim;

import static dev.perpflow.component.sim.SimTestVenues.START;
import static dev.perpflow.component.sim.SimTestVenues.market;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Funding settles on open positions: longs pay a positive rate, shorts receive it. */
class SimFundingSettlementTest {

    @Test
    void longPaysAndShortReceivesAtEachSettlement() {
        // BTC base rate 0.0001 per 8 h, no noise; settlements every 8 h
        SimExchange sim = new SimExchange(SimTestVenues.still("f"), START);
        sim.submit(market("long", Side.BUY, "0.5"));
        sim.advanceTo(START.plus(Duration.ofHours(8)));
        // −0.5 × 90000 × 0.0001 = −4.5
        assertThat(sim.settlements()).singleElement().satisfies(s -> {
            assertThat(s.symbol()).isEqualTo("BTC");
            assertThat(s.amount()).isEqualByComparingTo("-4.5");
            assertThat(s.rate()).isEqualByComparingTo("0.0001");
        });
        Position position = sim.positions().get(0);
        assertThat(position.fundingAccrued()).isEqualByComparingTo("-4.5");

        SimExchange other = new SimExchange(SimTestVenues.still("g"), START);
        other.submit(market("short", Side.SELL, "2"));
        other.advanceTo(START.plus(Duration.ofHours(16)));
        // two settlements of +2 × 90000 × 0.0001 = +18 each
        assertThat(other.settlements()).hasSize(2).allSatisfy(s -> assertThat(s.amount()).isEqualByComparingTo("18"));
        assertThat(other.positions().get(0).fundingAccrued()).isEqualByComparingTo("36");
    }

    @Test
    void settlementsCreditTheBalance() {
        SimExchange sim = new SimExchange(SimTestVenues.still("f"), START);
        sim.submit(market("short", Side.SELL, "1"));
        BigDecimal before = sim.balances().get(0).total();
        sim.advanceTo(START.plus(Duration.ofHours(8)));
        assertThat(sim.balances().get(0).total().subtract(before)).isEqualByComparingTo("9");
    }

    @Test
    void flatAccountsPayNothing() {
        SimExchange sim = new SimExchange(SimTestVenues.still("f"), START);
        sim.advanceTo(START.plus(Duration.ofDays(2)));
        assertThat(sim.settlements()).isEmpty();
        assertThat(sim.balances().get(0).total()).isEqualByComparingTo("100000");
    }

    @Test
    void hourlyVenuesReportAnEighthOfTheRateEveryHourWithTheSameEightHourEquivalent() {
        SimExchange sim = new SimExchange(SimTestVenues.still("h").withFundingIntervalHours(1)
                .withSettlementPeriod(Duration.ofMinutes(2)), START);
        FundingRate btc = sim.fundingRates().stream().filter(r -> r.symbol().equals("BTC")).findFirst().orElseThrow();
        assertThat(btc.intervalHours()).isEqualTo(1);
        assertThat(btc.rate()).isEqualByComparingTo("0.0000125");
        assertThat(btc.ratePer8h()).isEqualByComparingTo("0.0001");
        assertThat(btc.nextFundingTime()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        sim.submit(market("l", Side.BUY, "1"));
        sim.advanceTo(START.plus(Duration.ofMinutes(4)));
        // two settlements of −1 × 90000 × 0.0000125 = −1.125
        assertThat(sim.settlements()).hasSize(2).allSatisfy(s -> assertThat(s.amount()).isEqualByComparingTo("-1.125"));
    }

    @Test
    void theVenueBiasIsGivenPer8HoursAndScaledToTheInterval() {
        SimVenueConfig config = SimTestVenues.still("b").withFundingIntervalHours(1)
                .withFundingBias(new BigDecimal("0.0008"));
        SimExchange sim = new SimExchange(config, START);
        FundingRate btc = sim.fundingRates().stream().filter(r -> r.symbol().equals("BTC")).findFirst().orElseThrow();
        assertThat(btc.ratePer8h()).isEqualByComparingTo("0.0009");
    }

    @Test
    void multiplierMarketsSettleOnTokens() {
        SimExchange sim = new SimExchange(SimTestVenues.still("k"), START);
        sim.submit(dev.perpflow.exchange.model.OrderRequest.market("bonk", "BONK", Side.BUY, new BigDecimal("1000"),
                false));
        sim.setMid("BONK", new BigDecimal("0.02"));
        sim.advanceTo(START.plus(Duration.ofHours(8)));
        // −1000 contracts × 1000 tokens × 0.02 × 0.00015 = −3
        assertThat(sim.settlements()).singleElement()
                .satisfies(s -> assertThat(s.amount()).isEqualByComparingTo("-3"));
    }
}
