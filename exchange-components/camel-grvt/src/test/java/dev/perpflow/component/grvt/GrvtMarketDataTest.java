package dev.perpflow.component.grvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.OrderBook;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Public data from the fake GRVT's market-data host, without credentials: markets with their own funding intervals,
 * funding read from percentage points into fractions over each market's interval, stats in USD, the book by REST and
 * from the {@code v1.book.s} feed; the trading and login hosts are never asked.
 */
class GrvtMarketDataTest {

    private final GrvtFixture fixture = new GrvtFixture();
    private final GrvtExchangeClient client = fixture.client(null);

    @AfterEach
    void close() {
        client.close();
        fixture.close();
    }

    @Test
    void fundingIsAFractionPerEachMarketsOwnInterval() {
        List<FundingRate> rates = client.fundingRates().join();
        List<Instrument> markets = client.instruments().join();

        FundingRate sol = rates.stream().filter(r -> r.symbol().equals("SOL")).findFirst().orElseThrow();
        FundingRate simSol = fixture.sim.exchange().fundingRates().stream().filter(r -> r.symbol().equals("SOL"))
                .findFirst().orElseThrow();
        assertThat(sol.intervalHours()).isEqualTo(4);
        // the venue sent percentage points (the sim's fraction × 100); the model holds the fraction again
        assertThat(sol.rate()).isEqualByComparingTo(simSol.rate());
        assertThat(sol.ratePer8h()).isEqualByComparingTo(simSol.rate().multiply(BigDecimal.valueOf(2)));
        assertThat(rates.stream().filter(r -> r.symbol().equals("BTC")).findFirst().orElseThrow().intervalHours())
                .isEqualTo(8);
        assertThat(markets).extracting(Instrument::symbol).contains("BTC", "ETH", "SOL", "BONK", "2Z", "Z");
        assertThat(markets.stream().filter(i -> i.symbol().equals("BONK")).findFirst().orElseThrow()
                .quantityMultiplier()).isEqualByComparingTo("1000");
        assertThat(client.marketStats().join()).allSatisfy(s -> assertThat(s.openInterestUsd()).isPositive());
        assertThat(fixture.fake.tradesServer().requests()).isEmpty();
        assertThat(fixture.fake.authServer().requests()).isEmpty();
    }

    @Test
    void theBookComesByRestAndFromTheSnapshotFeed() {
        OrderBook rest = client.orderBook("ETH", 5).join();
        assertThat(rest.bids()).hasSize(5);
        AtomicReference<OrderBook> streamed = new AtomicReference<>();
        try (var subscription = client.subscribeBook("ETH", streamed::set)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> streamed.get() != null);
            fixture.sim.exchange().setMid("ETH", rest.bbo().orElseThrow().mid().add(BigDecimal.TEN));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(streamed.get().bbo().orElseThrow()
                    .mid()).isGreaterThan(rest.bbo().orElseThrow().mid().add(BigDecimal.ONE)));
        }
    }
}
