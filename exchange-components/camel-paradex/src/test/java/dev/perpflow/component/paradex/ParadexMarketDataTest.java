package dev.perpflow.component.paradex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.OrderBook;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Public data from the fake Paradex: markets (perpetuals only), funding per market period, stats in USD, books. */
class ParadexMarketDataTest {

    private final ParadexFixture paradex = ParadexFixture.publicOnly();

    @AfterEach
    void close() {
        paradex.close();
    }

    @Test
    void marketsAreThePerpetualsWithTheirGridsPeriodsAndMultipliers() {
        List<Instrument> instruments = paradex.client.instruments().join();
        assertThat(instruments).extracting(Instrument::venueSymbol).contains("BTC-USD-PERP", "ETH-USD-PERP",
                "kBONK-USD-PERP").doesNotContain("BTC-USD-100000-C");
        Instrument bonk = instruments.stream().filter(i -> i.symbol().equals("BONK")).findFirst().orElseThrow();
        assertThat(bonk.quantityMultiplier()).isEqualByComparingTo("1000");
        Instrument sol = instruments.stream().filter(i -> i.symbol().equals("SOL")).findFirst().orElseThrow();
        Instrument simSol = paradex.sim.exchange().instruments().stream().filter(i -> i.symbol().equals("SOL"))
                .findFirst().orElseThrow();
        assertThat(sol.fundingIntervalHours()).isEqualTo(1);
        assertThat(sol.tickSize()).isEqualByComparingTo(simSol.tickSize());
        assertThat(sol.lotSize()).isEqualByComparingTo(simSol.lotSize());
        assertThat(sol.maxLeverage()).isEqualTo(simSol.maxLeverage());
        assertThat(sol.quoteAsset()).isEqualTo("USDC");
    }

    @Test
    void fundingRatesAreTheSummariesRatesOverEachMarketsPeriod() {
        List<FundingRate> rates = paradex.client.fundingRates().join();
        FundingRate eth = rates.stream().filter(r -> r.symbol().equals("ETH")).findFirst().orElseThrow();
        FundingRate sol = rates.stream().filter(r -> r.symbol().equals("SOL")).findFirst().orElseThrow();
        FundingRate simEth = paradex.sim.exchange().fundingRates().stream().filter(r -> r.symbol().equals("ETH"))
                .findFirst().orElseThrow();
        assertThat(eth.rate()).isEqualByComparingTo(simEth.rate());
        assertThat(eth.intervalHours()).isEqualTo(8);
        assertThat(sol.intervalHours()).isEqualTo(1);
        assertThat(eth.markPrice()).isPositive();
        assertThat(eth.nextFundingTime()).as("continuous funding has no settlement time").isNull();

        List<MarketStats> stats = paradex.client.marketStats().join();
        MarketStats ethStats = stats.stream().filter(s -> s.symbol().equals("ETH")).findFirst().orElseThrow();
        MarketStats simStats = paradex.sim.exchange().marketStats().stream().filter(s -> s.symbol().equals("ETH"))
                .findFirst().orElseThrow();
        assertThat(ethStats.volume24hUsd()).isEqualByComparingTo(simStats.volume24hUsd());
        assertThat(ethStats.openInterestUsd().subtract(simStats.openInterestUsd()).abs())
                .isLessThan(new BigDecimal("0.01"));
    }

    @Test
    void theBookIsTheVenuesBestFirst() {
        OrderBook book = paradex.client.orderBook("BTC", 5).join();
        OrderBook sim = paradex.sim.exchange().book("BTC", 5);
        assertThat(ParadexStreamsTest.levels(book.bids())).isEqualTo(ParadexStreamsTest.levels(sim.bids()));
        assertThat(ParadexStreamsTest.levels(book.asks())).isEqualTo(ParadexStreamsTest.levels(sim.asks()));
        assertThat(paradex.client.bbo("BTC").join().bid()).isEqualByComparingTo(sim.bids().get(0).price());
        assertThatThrownBy(() -> paradex.client.orderBook("NOPE", 5).join())
                .hasCauseInstanceOf(MarketNotFoundException.class);
    }
}
