package dev.perpflow.component.paradex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.perpflow.component.paradex.dto.ParadexAccountSummary;
import dev.perpflow.component.paradex.dto.ParadexFill;
import dev.perpflow.component.paradex.dto.ParadexMarket;
import dev.perpflow.component.paradex.dto.ParadexMarketSummary;
import dev.perpflow.component.paradex.dto.ParadexOrder;
import dev.perpflow.component.paradex.dto.ParadexPage;
import dev.perpflow.component.paradex.dto.ParadexPosition;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.http.VenueRestApi;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.RecordedPayloads;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paradex payloads (schema-shaped, see src/test/resources/paradex/README.md) mapped to the model. */
class ParadexAdaptersTest {

    private static final RecordedPayloads PAYLOADS = new RecordedPayloads("paradex", VenueRestApi.newMapper());
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void marketsArePerpetualsWithGridsLeverageFromTheMarginFractionAndMultipliers() {
        List<ParadexMarket> markets = PAYLOADS.read("markets.json", new TypeReference<ParadexPage<ParadexMarket>>() { })
                .rows();
        List<Instrument> instruments = markets.stream().filter(ParadexAdapters::isTradablePerpetual)
                .map(m -> ParadexAdapters.instrument("paradex", m)).toList();
        assertThat(instruments).extracting(Instrument::symbol).containsExactly("BTC", "BONK");
        Instrument btc = instruments.get(0);
        assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.001");
        assertThat(btc.minNotional()).isEqualByComparingTo("3");
        assertThat(btc.maxLeverage()).isEqualTo(50);
        assertThat(btc.fundingIntervalHours()).isEqualTo(8);
        assertThat(btc.quoteAsset()).isEqualTo("USDC");
        assertThat(instruments.get(1).quantityMultiplier()).isEqualByComparingTo("1000");
        assertThat(instruments.get(1).maxLeverage()).isEqualTo(ParadexAdapters.DEFAULT_MAX_LEVERAGE);
    }

    @Test
    void theSummaryGivesTheRateOverTheFundingPeriodThePredictionAndUsdStats() {
        ParadexMarketSummary row = PAYLOADS.read("markets-summary.json",
                new TypeReference<ParadexPage<ParadexMarketSummary>>() { }).rows().get(0);
        Instrument btc = new Instrument("paradex", "BTC", "BTC-USD-PERP", "USDC", new BigDecimal("0.1"),
                new BigDecimal("0.001"), BigDecimal.ONE, 50, 8, BigDecimal.ONE);
        FundingRate rate = ParadexAdapters.fundingRate("paradex", row, btc, NOW);
        assertThat(rate.rate()).isEqualByComparingTo("-0.00017403");
        assertThat(rate.intervalHours()).isEqualTo(8);
        assertThat(rate.ratePer8h()).isEqualByComparingTo("-0.00017403");
        assertThat(rate.predictedRate()).isEqualByComparingTo("-0.0001");
        assertThat(rate.markPrice()).isEqualByComparingTo("77888.84");
        assertThat(rate.indexPrice()).isEqualByComparingTo("77939.768");
        assertThat(rate.observedAt()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
        MarketStats stats = ParadexAdapters.marketStats("paradex", row, btc, NOW);
        assertThat(stats.volume24hUsd()).isEqualByComparingTo("152342883.52");
        assertThat(stats.openInterestUsd()).isEqualByComparingTo(new BigDecimal("1234.567").multiply(new BigDecimal("77888.84")));
    }

    @Test
    void ordersFillsPositionsAndTheAccountMapWithTheirUnits() {
        Order open = ParadexAdapters.order("paradex", PAYLOADS.read("order.json", ParadexOrder.class), "BTC", "x1234");
        assertThat(open.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(open.filledQuantity()).isEqualByComparingTo("0.03");
        assertThat(open.averagePrice()).isEqualByComparingTo("26000");
        assertThat(open.createdAt()).isEqualTo(Instant.ofEpochMilli(1681493746016L));
        Order rejected = ParadexAdapters.order("paradex", PAYLOADS.read("order-rejected.json", ParadexOrder.class),
                "BTC", "x1235");
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo("POST_ONLY_WOULD_CROSS");
        assertThat(rejected.reduceOnly()).isTrue();
        assertThat(rejected.timeInForce()).isEqualTo(TimeInForce.POST_ONLY);

        Fill fill = ParadexAdapters.fill("paradex", PAYLOADS.read("fills.json",
                new TypeReference<ParadexPage<ParadexFill>>() { }).rows().get(0), "BTC", "x1234");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(fill.fee()).isEqualByComparingTo("0.045");
        assertThat(fill.side()).isEqualTo(Side.BUY);
        assertThat(fill.timestamp()).isEqualTo(Instant.ofEpochMilli(1681375176910L));

        List<ParadexPosition> rows = PAYLOADS.read("positions.json",
                new TypeReference<ParadexPage<ParadexPosition>>() { }).rows();
        Position shortBtc = ParadexAdapters.position("paradex", rows.get(0), "BTC", new BigDecimal("30000"), NOW);
        assertThat(shortBtc.quantity()).isEqualByComparingTo("-0.345");
        assertThat(shortBtc.entryPrice()).isEqualByComparingTo("29001.34");
        assertThat(shortBtc.liquidationPrice()).isEqualByComparingTo("41000.5");
        assertThat(shortBtc.fundingAccrued()).isEqualByComparingTo("11.0");
        assertThat(shortBtc.markPrice()).isEqualByComparingTo("30000");

        Balance balance = ParadexAdapters.balance("paradex", PAYLOADS.read("account.json", ParadexAccountSummary.class), NOW);
        assertThat(balance.total()).isEqualByComparingTo("136285.06918911");
        assertThat(balance.available()).isEqualByComparingTo("73276.47229774");
    }

    @Test
    void anOrderRequestBecomesParadexsBodyAndAMissingFieldIsNamed() {
        var body = ParadexAdapters.orderBody(VenueRestApi.newMapper(), new OrderRequest("c-1", "BTC", Side.SELL,
                new BigDecimal("0.010"), new BigDecimal("65000.50"), dev.perpflow.exchange.model.OrderType.LIMIT,
                TimeInForce.POST_ONLY, true), "BTC-USD-PERP");
        assertThat(body.toString()).isEqualTo("{\"market\":\"BTC-USD-PERP\",\"side\":\"SELL\",\"type\":\"LIMIT\","
                + "\"size\":\"0.01\",\"price\":\"65000.5\",\"instruction\":\"POST_ONLY\",\"client_id\":\"c-1\","
                + "\"flags\":[\"REDUCE_ONLY\"]}");
        ParadexOrder missing = new ParadexOrder("1", null, "c", "BTC-USD-PERP", "BUY", "LIMIT", null, null, null, null,
                "OPEN", null, null, null, 1L, null, null);
        assertThatThrownBy(() -> ParadexAdapters.order("paradex", missing, "BTC", "c"))
                .isInstanceOf(ExchangeException.class).hasMessageContaining("'size'");
    }
}
