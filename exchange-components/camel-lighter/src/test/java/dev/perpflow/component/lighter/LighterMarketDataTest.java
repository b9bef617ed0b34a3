package dev.perpflow.component.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.OrderBook;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lighter's public data from the fake: markets with the venue's decimals, margin fractions and k-prefixed names,
 * Lighter's own funding rows (the 8-hour equivalents of funding-rates) as the hourly rate Lighter settles, USD volume
 * and open interest, and the book summed per price from the resting orders.
 */
class LighterMarketDataTest {

    private final LighterFixture lighter = LighterFixture.publicOnly();

    @AfterEach
    void close() {
        lighter.close();
    }

    @Test
    void marketsCarryDecimalsLeverageHourlyFundingAndTheThousandMultiplier() {
        List<Instrument> instruments = lighter.client.instruments().join();
        assertThat(instruments).extracting(Instrument::symbol)
                .containsExactlyInAnyOrder("BTC", "ETH", "SOL", "2Z", "Z", "BONK");
        Instrument bonk = instruments.stream().filter(i -> i.symbol().equals("BONK")).findFirst().orElseThrow();
        assertThat(bonk.venueSymbol()).isEqualTo("kBONK");
        assertThat(bonk.quantityMultiplier()).isEqualByComparingTo("1000");
        Instrument eth = instruments.stream().filter(i -> i.symbol().equals("ETH")).findFirst().orElseThrow();
        Instrument simEth = lighter.sim.exchange().instruments().stream().filter(i -> i.symbol().equals("ETH"))
                .findFirst().orElseThrow();
        assertThat(eth.tickSize()).isEqualByComparingTo(simEth.tickSize());
        assertThat(eth.lotSize()).isEqualByComparingTo(simEth.lotSize());
        assertThat(eth.maxLeverage()).isEqualTo(simEth.maxLeverage());
        assertThat(eth.fundingIntervalHours()).isEqualTo(1);
        assertThat(eth.quoteAsset()).isEqualTo("USDC");
    }

    @Test
    void fundingIsLightersOwnRowStoredHourlySoItsEightHourFigureIsTheVenues() {
        List<FundingRate> rates = lighter.client.fundingRates().join();
        assertThat(rates).extracting(FundingRate::symbol).containsExactlyInAnyOrder("BTC", "ETH", "SOL", "2Z", "Z",
                "BONK");
        for (FundingRate sim : lighter.sim.exchange().fundingRates()) {
            FundingRate rate = rates.stream().filter(r -> r.symbol().equals(sim.symbol())).findFirst().orElseThrow();
            assertThat(rate.intervalHours()).isEqualTo(1);
            // the fake writes the sim's hourly rate × 8 (Lighter's row, not the Binance one beside it)
            assertThat(rate.rate()).isEqualByComparingTo(sim.rate().multiply(BigDecimal.valueOf(8))
                    .divide(BigDecimal.valueOf(8), MathContext.DECIMAL64));
            assertThat(rate.ratePer8h()).isEqualByComparingTo(sim.ratePer8h());
            assertThat(rate.markPrice()).isPositive();
            assertThat(rate.nextFundingTime()).isAfter(rate.observedAt());
        }
    }

    @Test
    void volumeAndOpenInterestAreInUsd() {
        List<MarketStats> stats = lighter.client.marketStats().join();
        assertThat(stats).hasSize(6).allSatisfy(s -> {
            assertThat(s.volume24hUsd()).isPositive();
            assertThat(s.openInterestUsd()).isPositive();
        });
        MarketStats btc = stats.stream().filter(s -> s.symbol().equals("BTC")).findFirst().orElseThrow();
        MarketStats simBtc = lighter.sim.exchange().marketStats().stream().filter(s -> s.symbol().equals("BTC"))
                .findFirst().orElseThrow();
        assertThat(btc.openInterestUsd().subtract(simBtc.openInterestUsd()).abs())
                .isLessThan(simBtc.openInterestUsd().movePointLeft(6));
    }

    @Test
    void theBookIsTheRestingOrdersSummedPerPriceBestFirst() {
        OrderBook book = lighter.client.orderBook("ETH", 5).join();
        OrderBook sim = lighter.sim.exchange().book("ETH", 5);
        assertThat(book.bids()).isEqualTo(sim.bids());
        assertThat(book.asks()).isEqualTo(sim.asks());
        assertThat(lighter.client.bbo("ETH").join().bid()).isEqualByComparingTo(sim.bids().get(0).price());
    }
}
