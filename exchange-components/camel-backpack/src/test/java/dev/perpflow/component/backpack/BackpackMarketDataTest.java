package dev.perpflow.component.backpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.OrderBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpackMarketDataTest {

    private final BackpackFixture backpack = BackpackFixture.publicOnly();

    @AfterEach
    void close() {
        backpack.close();
    }

    @Test
    void listsOpenUsdcPerpetualsWithFiltersIntervalsAndMultipliers() {
        Map<String, Instrument> markets = bySymbol(backpack.client.instruments().join(), Instrument::symbol);

        assertThat(markets).containsOnlyKeys("BTC", "ETH", "SOL", "2Z", "Z", "BONK");
        Instrument bonk = markets.get("BONK");
        assertThat(bonk.venueSymbol()).isEqualTo("kBONK_USDC_PERP");
        assertThat(bonk.quantityMultiplier()).isEqualByComparingTo("1000");
        assertThat(markets.get("2Z").venueSymbol()).isEqualTo("2Z_USDC_PERP");
        Instrument venue = backpack.sim.exchange().instruments().stream().filter(i -> i.symbol().equals("BTC"))
                .findFirst().orElseThrow();
        Instrument btc = markets.get("BTC");
        assertThat(btc.venueSymbol()).isEqualTo("BTC_USDC_PERP");
        assertThat(btc.quoteAsset()).isEqualTo("USDC");
        assertThat(btc.tickSize()).isEqualByComparingTo(venue.tickSize());
        assertThat(btc.lotSize()).isEqualByComparingTo(venue.lotSize());
        assertThat(btc.maxLeverage()).isEqualTo(venue.maxLeverage());
        assertThat(btc.fundingIntervalHours()).isEqualTo(1);
        assertThat(markets.get("ETH").fundingIntervalHours()).isEqualTo(8);
    }

    @Test
    void reportsFundingWithEachMarketsOwnInterval() {
        Map<String, FundingRate> venue = bySymbol(backpack.sim.exchange().fundingRates(), FundingRate::symbol);

        Map<String, FundingRate> rates = bySymbol(backpack.client.fundingRates().join(), FundingRate::symbol);

        assertThat(rates).containsOnlyKeys(venue.keySet());
        FundingRate sol = rates.get("SOL");
        assertThat(sol.rate()).isEqualByComparingTo(venue.get("SOL").rate());
        assertThat(sol.intervalHours()).isEqualTo(1);
        assertThat(sol.ratePer8h()).isEqualByComparingTo(sol.rate().multiply(BigDecimal.valueOf(8)));
        FundingRate eth = rates.get("ETH");
        assertThat(eth.intervalHours()).isEqualTo(8);
        assertThat(eth.ratePer8h()).isEqualByComparingTo(eth.rate());
        assertThat(rates.get("BTC").markPrice()).isEqualByComparingTo(venue.get("BTC").markPrice());
        assertThat(rates.get("BTC").indexPrice()).isEqualByComparingTo(venue.get("BTC").indexPrice());
        assertThat(rates.get("BTC").nextFundingTime()).isEqualTo(venue.get("BTC").nextFundingTime());
    }

    @Test
    void reportsVolumeAndOpenInterestInUsd() {
        Map<String, MarketStats> venue = bySymbol(backpack.sim.exchange().marketStats(), MarketStats::symbol);

        Map<String, MarketStats> stats = bySymbol(backpack.client.marketStats().join(), MarketStats::symbol);

        assertThat(stats).containsOnlyKeys(venue.keySet());
        MarketStats eth = stats.get("ETH");
        assertThat(eth.volume24hUsd()).isEqualByComparingTo(venue.get("ETH").volume24hUsd());
        // Backpack reports open interest in contracts; the client converts at mark price
        assertThat(eth.openInterestUsd().doubleValue())
                .isCloseTo(venue.get("ETH").openInterestUsd().doubleValue(), within(5.0));
        MarketStats bonk = stats.get("BONK");
        assertThat(bonk.openInterestUsd().doubleValue())
                .isCloseTo(venue.get("BONK").openInterestUsd().doubleValue(), within(5.0));
    }

    @Test
    void readsTheBookBestFirstAndTopOfBook() {
        OrderBook venue = backpack.sim.exchange().book("ETH", 5);

        OrderBook book = backpack.client.orderBook("ETH", 5).join();
        Bbo bbo = backpack.client.bbo("ETH").join();

        assertThat(book.bids()).hasSize(5);
        assertThat(book.asks()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(book.bids().get(i).price()).isEqualByComparingTo(venue.bids().get(i).price());
            assertThat(book.asks().get(i).price()).isEqualByComparingTo(venue.asks().get(i).price());
        }
        assertThat(book.sequence()).isPositive();
        assertThat(bbo.bid()).isEqualByComparingTo(venue.bids().get(0).price());
        assertThat(bbo.ask()).isEqualByComparingTo(venue.asks().get(0).price());
    }

    @Test
    void unknownSymbolIsAMarketNotFound() {
        assertThatThrownBy(() -> join(backpack.client.bbo("DOGE"))).isInstanceOf(MarketNotFoundException.class)
                .hasMessageContaining("DOGE");
        assertThatThrownBy(() -> join(backpack.client.orderBook("OLD", 5))).isInstanceOf(MarketNotFoundException.class);
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static <T> Map<String, T> bySymbol(List<T> items, Function<T, String> symbol) {
        return items.stream().collect(Collectors.toMap(symbol, Function.identity()));
    }
}
