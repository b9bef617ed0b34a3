package dev.perpflow.component.aster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.OrderBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsterMarketDataTest {

    private final AsterFixture aster = AsterFixture.publicOnly();

    @AfterEach
    void close() {
        aster.close();
    }

    @Test
    void listsTradingUsdtPerpetualsWithFiltersIntervalsAndMultipliers() {
        Map<String, Instrument> markets = bySymbol(aster.client.instruments().join(), Instrument::symbol);

        assertThat(markets).containsOnlyKeys("BTC", "ETH", "SOL", "2Z", "Z", "BONK");
        Instrument bonk = markets.get("BONK");
        assertThat(bonk.venueSymbol()).isEqualTo("1000BONKUSDT");
        assertThat(bonk.quantityMultiplier()).isEqualByComparingTo("1000");
        Instrument sim = aster.sim.exchange().instruments().stream().filter(i -> i.symbol().equals("BTC")).findFirst()
                .orElseThrow();
        Instrument btc = markets.get("BTC");
        assertThat(btc.venueSymbol()).isEqualTo("BTCUSDT");
        assertThat(btc.tickSize()).isEqualByComparingTo(sim.tickSize());
        assertThat(btc.lotSize()).isEqualByComparingTo(sim.lotSize());
        assertThat(btc.minNotional()).isEqualByComparingTo(sim.minNotional());
        assertThat(btc.fundingIntervalHours()).isEqualTo(8);
        assertThat(markets.get("SOL").fundingIntervalHours()).isEqualTo(4);
        assertThat(btc.maxLeverage()).isEqualTo(AsterExchangeClient.DEFAULT_MAX_LEVERAGE);
    }

    @Test
    void reportsFundingWithEachMarketsInterval() {
        Map<String, FundingRate> venue = bySymbol(aster.sim.exchange().fundingRates(), FundingRate::symbol);

        Map<String, FundingRate> rates = bySymbol(aster.client.fundingRates().join(), FundingRate::symbol);

        assertThat(rates).containsOnlyKeys(venue.keySet());
        FundingRate sol = rates.get("SOL");
        assertThat(sol.rate()).isEqualByComparingTo(venue.get("SOL").rate());
        assertThat(sol.intervalHours()).isEqualTo(4);
        assertThat(sol.ratePer8h()).isEqualByComparingTo(sol.rate().multiply(BigDecimal.valueOf(2)));
        assertThat(rates.get("BTC").markPrice()).isEqualByComparingTo(venue.get("BTC").markPrice());
        assertThat(rates.get("BTC").nextFundingTime()).isEqualTo(venue.get("BTC").nextFundingTime());
    }

    @Test
    void reportsVolumeAndOpenInterestInUsd() {
        Map<String, MarketStats> venue = bySymbol(aster.sim.exchange().marketStats(), MarketStats::symbol);

        Map<String, MarketStats> stats = bySymbol(aster.client.marketStats().join(), MarketStats::symbol);

        assertThat(stats).containsOnlyKeys(venue.keySet());
        MarketStats eth = stats.get("ETH");
        assertThat(eth.volume24hUsd()).isEqualByComparingTo(venue.get("ETH").volume24hUsd());
        // Aster reports open interest in contracts; the client converts at mark price
        assertThat(eth.openInterestUsd().doubleValue())
                .isCloseTo(venue.get("ETH").openInterestUsd().doubleValue(), within(5.0));
    }

    @Test
    void readsTheBookAndTopOfBook() {
        OrderBook venue = aster.sim.exchange().book("ETH", 5);

        OrderBook book = aster.client.orderBook("ETH", 5).join();
        Bbo bbo = aster.client.bbo("ETH").join();

        assertThat(book.bids()).hasSize(5);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo(venue.bids().get(0).price());
        assertThat(book.asks().get(0).price()).isEqualByComparingTo(venue.asks().get(0).price());
        assertThat(bbo.bid()).isEqualByComparingTo(venue.bids().get(0).price());
        assertThat(bbo.ask()).isEqualByComparingTo(venue.asks().get(0).price());
    }

    @Test
    void oneFundingPollFetchesThePremiumIndexOnce() {
        // the funding consumer asks for rates and stats together; both need premiumIndex (weight 10)
        java.util.concurrent.CompletableFuture.allOf(aster.client.fundingRates(), aster.client.marketStats()).join();

        assertThat(aster.fake.server().requests()).filteredOn(r -> r.path().equals("/fapi/v1/premiumIndex")).hasSize(1);
    }

    private static <T> Map<String, T> bySymbol(List<T> items, Function<T, String> symbol) {
        return items.stream().collect(Collectors.toMap(symbol, Function.identity()));
    }
}
