package dev.perpflow.component.grvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.perpflow.component.grvt.client.GrvtRestApi;
import dev.perpflow.component.grvt.dto.GrvtAccountSummary;
import dev.perpflow.component.grvt.dto.GrvtFill;
import dev.perpflow.component.grvt.dto.GrvtFundingRate;
import dev.perpflow.component.grvt.dto.GrvtInstrument;
import dev.perpflow.component.grvt.dto.GrvtOrder;
import dev.perpflow.component.grvt.dto.GrvtOrderbookLevels;
import dev.perpflow.component.grvt.dto.GrvtPosition;
import dev.perpflow.component.grvt.dto.GrvtResult;
import dev.perpflow.component.grvt.dto.GrvtTicker;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.testkit.RecordedPayloads;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GRVT's adapters on the examples of its API specification (src/test/resources/grvt, README there), and the funding
 * unit decision of docs/venues/grvt.md: the ticker's rate is percentage points of the instrument's own interval.
 */
class GrvtAdaptersTest {

    private static final RecordedPayloads PAYLOADS = new RecordedPayloads("grvt", GrvtRestApi.grvtMapper());
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void anInstrumentCarriesItsStepsAndFundingInterval() {
        GrvtInstrument row = PAYLOADS.read("instruments.json",
                new TypeReference<GrvtResult<List<GrvtInstrument>>>() { }).result().get(0);
        Instrument instrument = GrvtAdapters.instrument("grvt", row, 20);

        assertThat(instrument.symbol()).isEqualTo("BTC");
        assertThat(instrument.venueSymbol()).isEqualTo("BTC_USDT_Perp");
        assertThat(instrument.tickSize()).isEqualByComparingTo("0.01");
        assertThat(instrument.lotSize()).isEqualByComparingTo("0.01");
        assertThat(instrument.minNotional()).isEqualByComparingTo("20");
        assertThat(instrument.fundingIntervalHours()).isEqualTo(8);
        assertThat(row.instrumentHash()).isEqualTo("0x030501");
    }

    @Test
    void theTickersFundingRateIsPercentagePointsOfTheInstrumentsInterval() {
        GrvtTicker ticker = PAYLOADS.read("ticker.json", new TypeReference<GrvtResult<GrvtTicker>>() { }).result();
        FundingRate docs = GrvtAdapters.fundingRate("grvt", ticker, market(8), NOW);
        assertThat(docs.rate()).isEqualByComparingTo("0.000003"); // the example's 0.0003 percentage points
        assertThat(docs.nextFundingTime()).isEqualTo(Instant.parse("2023-10-20T08:00:00Z"));

        // a 4-hourly market quoting 0.01 (0.01 %): 0.0001 per 4 h, 0.0002 per 8 h
        GrvtTicker fourHourly = withRates(ticker, new BigDecimal("0.01"), new BigDecimal("0.01"));
        FundingRate rate = GrvtAdapters.fundingRate("grvt", fourHourly, market(4), NOW);
        assertThat(rate.rate()).isEqualByComparingTo("0.0001");
        assertThat(rate.intervalHours()).isEqualTo(4);
        assertThat(rate.ratePer8h()).isEqualByComparingTo("0.0002");

        // funding_rate wins over the deprecated funding_rate_8h_curr, which is read the same way when alone
        assertThat(GrvtAdapters.fundingRate("grvt", withRates(ticker, new BigDecimal("0.02"), new BigDecimal("0.05")),
                market(1), NOW).rate()).isEqualByComparingTo("0.0002");
        assertThat(GrvtAdapters.fundingRate("grvt", withRates(ticker, null, new BigDecimal("-0.005")), market(1), NOW)
                .ratePer8h()).isEqualByComparingTo("-0.0004");
        assertThatThrownBy(() -> GrvtAdapters.fundingRate("grvt", withRates(ticker, null, null), market(1), NOW))
                .isInstanceOf(ExchangeException.class).hasMessageContaining("funding_rate");
    }

    @Test
    void fundingHistoryRowsNameTheirInterval() {
        GrvtFundingRate row = PAYLOADS.read("funding.json", new TypeReference<GrvtResult<List<GrvtFundingRate>>>() { })
                .result().get(0);
        assertThat(row.fundingIntervalHours()).isEqualTo(8);
        assertThat(GrvtAdapters.fromPercentagePoints(row.fundingRate())).isEqualByComparingTo("0.000003");
    }

    @Test
    void volumeAndOpenInterestAreInUsd() {
        GrvtTicker ticker = PAYLOADS.read("ticker.json", new TypeReference<GrvtResult<GrvtTicker>>() { }).result();
        var stats = GrvtAdapters.marketStats("grvt", ticker, market(8), NOW);
        assertThat(stats.volume24hUsd()).isEqualByComparingTo("246913.56");
        assertThat(stats.openInterestUsd()).isEqualByComparingTo(new BigDecimal("123456.78").multiply(
                new BigDecimal("65038.01")));
    }

    @Test
    void ordersFillsPositionsBalancesAndBooksMapToTheModel() {
        GrvtOrder created = PAYLOADS.read("create_order.json", new TypeReference<GrvtResult<GrvtOrder>>() { }).result();
        Order order = GrvtAdapters.order("grvt", created, "BTC", "perpflow-1");
        assertThat(order.status()).isEqualTo(OrderStatus.NEW); // PENDING
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.quantity()).isEqualByComparingTo("10.5");
        assertThat(order.filledQuantity()).isEqualByComparingTo("1.5");
        assertThat(order.averagePrice()).isEqualByComparingTo("60000.4");

        GrvtFill fill = PAYLOADS.read("fill_history.json", new TypeReference<GrvtResult<List<GrvtFill>>>() { })
                .result().get(0);
        var model = GrvtAdapters.fill("grvt", fill, "BTC", "perpflow-1");
        assertThat(model.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(model.timestamp()).isEqualTo(Instant.parse("2023-10-20T08:00:00Z"));

        GrvtPosition position = PAYLOADS.read("positions.json", new TypeReference<GrvtResult<List<GrvtPosition>>>() { })
                .result().get(0);
        var held = GrvtAdapters.position("grvt", position, "BTC", NOW);
        assertThat(held.fundingAccrued()).isEqualByComparingTo(position.cumulativeRealizedFundingPayment().negate());

        GrvtAccountSummary summary = PAYLOADS.read("account_summary.json",
                new TypeReference<GrvtResult<GrvtAccountSummary>>() { }).result();
        assertThat(GrvtAdapters.balance("grvt", summary, NOW).asset()).isEqualTo("USDT");

        GrvtOrderbookLevels book = PAYLOADS.read("book.json", new TypeReference<GrvtResult<GrvtOrderbookLevels>>() { })
                .result();
        assertThat(GrvtAdapters.book("grvt", book, "BTC", 10, 0, NOW).bids()).isNotEmpty();
    }

    private static Instrument market(int intervalHours) {
        return new Instrument("grvt", "BTC", "BTC_USDT_Perp", "USDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                BigDecimal.ZERO, 20, intervalHours, BigDecimal.ONE);
    }

    private static GrvtTicker withRates(GrvtTicker t, BigDecimal fundingRate, BigDecimal fundingRate8hCurr) {
        return new GrvtTicker(t.eventTime(), t.instrument(), t.markPrice(), t.indexPrice(), t.lastPrice(),
                t.midPrice(), t.bestBidPrice(), t.bestBidSize(), t.bestAskPrice(), t.bestAskSize(), fundingRate8hCurr,
                t.fundingRate8hAvg(), t.interestRate(), t.buyVolume24hB(), t.sellVolume24hB(), t.buyVolume24hQ(),
                t.sellVolume24hQ(), t.openInterest(), fundingRate, t.nextFundingTime());
    }
}
