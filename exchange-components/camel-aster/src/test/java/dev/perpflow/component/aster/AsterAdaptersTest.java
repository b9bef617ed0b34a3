package dev.perpflow.component.aster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.aster.dto.AsterBalance;
import dev.perpflow.component.aster.dto.AsterBookTicker;
import dev.perpflow.component.aster.dto.AsterDepth;
import dev.perpflow.component.aster.dto.AsterDepthUpdate;
import dev.perpflow.component.aster.dto.AsterExchangeInfo;
import dev.perpflow.component.aster.dto.AsterFundingInfo;
import dev.perpflow.component.aster.dto.AsterOrder;
import dev.perpflow.component.aster.dto.AsterPositionRisk;
import dev.perpflow.component.aster.dto.AsterPremiumIndex;
import dev.perpflow.component.aster.dto.AsterTicker24h;
import dev.perpflow.component.aster.dto.AsterTrade;
import dev.perpflow.component.aster.dto.AsterUserEvent;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.http.VenueRestApi;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
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

/**
 * {@link AsterAdapters} on the payloads Aster's documentation publishes ({@code src/test/resources/aster/}, sources in
 * its README): read into the DTO records as the REST layer does, then mapped to the model.
 */
class AsterAdaptersTest {

    private static final ObjectMapper JSON = VenueRestApi.newMapper();
    private static final RecordedPayloads PAYLOADS = new RecordedPayloads("aster", JSON);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aTradingPerpetualBecomesAnInstrumentWithItsFilters() {
        AsterExchangeInfo.Symbol doge = PAYLOADS.read("exchange-info.json", AsterExchangeInfo.class).symbols().get(0);

        assertThat(AsterAdapters.isTradingPerpetual(doge)).isTrue();
        Instrument instrument = AsterAdapters.instrument("aster", doge, 4, 50);
        assertThat(instrument.symbol()).isEqualTo("DOGE");
        assertThat(instrument.venueSymbol()).isEqualTo("DOGEUSDT");
        assertThat(instrument.quoteAsset()).isEqualTo("USDT");
        assertThat(instrument.tickSize()).isEqualByComparingTo("0.0001");
        assertThat(instrument.lotSize()).isEqualByComparingTo("1");
        assertThat(instrument.minNotional()).isEqualByComparingTo("1");
        assertThat(instrument.fundingIntervalHours()).isEqualTo(4);
        assertThat(instrument.maxLeverage()).isEqualTo(50);
    }

    @Test
    void fundingInfoListsTheMarketsWhoseIntervalIsNotEightHours() {
        List<AsterFundingInfo> rows = PAYLOADS.read("funding-info.json", new TypeReference<>() { });

        assertThat(rows).extracting(AsterFundingInfo::symbol, AsterFundingInfo::fundingIntervalHours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INJUSDT", 8),
                        org.assertj.core.groups.Tuple.tuple("ZORAUSDT", 4));
    }

    @Test
    void thePremiumIndexIsTheCurrentIntervalsRateWithMarkIndexAndNextFundingTime() {
        AsterPremiumIndex row = PAYLOADS.read("premium-index.json", AsterPremiumIndex.class);
        Instrument btc = new Instrument("aster", "BTC", "BTCUSDT", "USDT", new BigDecimal("0.1"),
                new BigDecimal("0.001"), BigDecimal.ONE, 20, 8, BigDecimal.ONE);

        FundingRate rate = AsterAdapters.fundingRate("aster", row, btc, NOW);

        assertThat(rate.rate()).isEqualByComparingTo("0.00038246");
        assertThat(rate.intervalHours()).isEqualTo(8);
        assertThat(rate.markPrice()).isEqualByComparingTo("11793.63104562");
        assertThat(rate.indexPrice()).isEqualByComparingTo("11781.80495970");
        assertThat(rate.nextFundingTime()).isEqualTo(Instant.ofEpochMilli(1597392000000L));
        assertThat(rate.observedAt()).isEqualTo(Instant.ofEpochMilli(1597370495002L));
    }

    @Test
    void depthAndBookTickerBecomeABookAndATopOfBook() {
        OrderBook book = AsterAdapters.book("aster", PAYLOADS.read("depth.json", AsterDepth.class), "BTC", 5, NOW);
        Bbo bbo = AsterAdapters.bbo("aster", PAYLOADS.read("book-ticker.json", AsterBookTicker.class), "BTC", NOW);

        assertThat(book.sequence()).isEqualTo(1027024);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("4.00000000");
        assertThat(book.bids().get(0).quantity()).isEqualByComparingTo("431");
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("4.000002");
        assertThat(book.timestamp()).isEqualTo(Instant.ofEpochMilli(1589436922972L));
        assertThat(bbo.bid()).isEqualByComparingTo("4");
        assertThat(bbo.askQuantity()).isEqualByComparingTo("9");
        assertThat(bbo.timestamp()).isEqualTo(Instant.ofEpochMilli(1589437530011L));
    }

    @Test
    void theTickerCarriesTheQuoteVolume() {
        assertThat(PAYLOADS.read("ticker-24hr.json", AsterTicker24h.class).quoteVolume()).isEqualByComparingTo("15.3");
    }

    @Test
    void aQueriedOrderKeepsItsClientIdQuantityAndTimes() {
        Order order = AsterAdapters.order("aster", PAYLOADS.read("order.json", AsterOrder.class), "BTC");

        assertThat(order.clientOrderId()).isEqualTo("abc");
        assertThat(order.venueOrderId()).isEqualTo("1917641");
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.quantity()).isEqualByComparingTo("0.40");
        assertThat(order.filledQuantity()).isZero();
        assertThat(order.averagePrice()).as("no fill, no average").isNull();
        assertThat(order.createdAt()).isEqualTo(Instant.ofEpochMilli(1579276756075L));
    }

    @Test
    void aTradeRowIsAFillUnderTheCallersClientOrderId() {
        AsterTrade trade = PAYLOADS.read("user-trades.json", new TypeReference<List<AsterTrade>>() { }).get(0);

        Fill fill = AsterAdapters.trade("aster", trade, "BTC", "pf-1");

        assertThat(fill.tradeId()).isEqualTo("698759");
        assertThat(fill.venueOrderId()).isEqualTo("25851813");
        assertThat(fill.clientOrderId()).isEqualTo("pf-1");
        assertThat(fill.side()).isEqualTo(Side.SELL);
        assertThat(fill.price()).isEqualByComparingTo("7819.01");
        assertThat(fill.quantity()).isEqualByComparingTo("0.002");
        assertThat(fill.fee()).as("a rebate is a negative fee").isEqualByComparingTo("-0.07819010");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(fill.timestamp()).isEqualTo(Instant.ofEpochMilli(1569514978020L));
    }

    @Test
    void positionRiskAndBalanceMapWithZeroMeaningNone() {
        AsterPositionRisk row = PAYLOADS.read("position-risk.json", new TypeReference<List<AsterPositionRisk>>() { }).get(0);
        AsterBalance usdt = PAYLOADS.read("balance.json", new TypeReference<List<AsterBalance>>() { }).get(0);

        Position position = AsterAdapters.position("aster", row, "BTC", NOW);
        Balance balance = AsterAdapters.balance("aster", usdt, NOW);

        assertThat(position.quantity()).isZero();
        assertThat(position.liquidationPrice()).as("0 means none").isNull();
        assertThat(position.leverage()).isEqualByComparingTo("10");
        assertThat(position.timestamp()).as("updateTime 0: now").isEqualTo(NOW);
        assertThat(balance.asset()).isEqualTo("USDT");
        assertThat(balance.total()).isEqualByComparingTo("122607.35137903");
        assertThat(balance.available()).isEqualByComparingTo("23.72469206");
        assertThat(balance.timestamp()).isEqualTo(Instant.ofEpochMilli(1617939110373L));
    }

    @Test
    void userStreamEventsBecomeOrdersAndPositions() {
        AsterUserEvent orderEvent = PAYLOADS.read("order-trade-update.json", AsterUserEvent.class);
        AsterUserEvent accountEvent = PAYLOADS.read("account-update.json", AsterUserEvent.class);

        Order order = AsterAdapters.order("aster", orderEvent.order(), "BTC", Instant.ofEpochMilli(1568879465650L));
        List<Position> positions = accountEvent.account().positions().stream()
                .map(p -> AsterAdapters.position("aster", p, "BTC", NOW)).toList();

        assertThat(orderEvent.eventType()).isEqualTo("ORDER_TRADE_UPDATE");
        assertThat(order.clientOrderId()).isEqualTo("TEST");
        assertThat(order.venueOrderId()).isEqualTo("8886774");
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(order.quantity()).isEqualByComparingTo("0.001");
        assertThat(orderEvent.order().executionType()).as("not a TRADE: no fill").isEqualTo("NEW");
        assertThat(positions).extracting(Position::quantity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, new BigDecimal("20"), new BigDecimal("-10"));
        assertThat(positions.get(1).entryPrice()).isEqualByComparingTo("6563.665");
        assertThat(positions.get(1).unrealizedPnl()).isEqualByComparingTo("2850.212");
    }

    @Test
    void aDiffDepthEventCarriesItsUpdateIds() {
        AsterDepthUpdate update = PAYLOADS.read("depth-update.json", AsterDepthUpdate.class);

        assertThat(update.firstUpdateId()).isEqualTo(157);
        assertThat(update.lastUpdateId()).isEqualTo(160);
        assertThat(update.previousUpdateId()).isEqualTo(149);
        assertThat(update.bids().get(0)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.0024"), BigDecimal.TEN);
    }

    @Test
    void anOrderRequestBecomesAstersParametersInTheDocumentedOrder() {
        OrderRequest postOnly = OrderRequest.limit("pf-7", "DOGE", Side.SELL, new BigDecimal("100"),
                new BigDecimal("0.1234"), TimeInForce.POST_ONLY).withReduceOnly(true);

        assertThat(AsterAdapters.orderParams(postOnly, "DOGEUSDT")).containsExactly(
                java.util.Map.entry("symbol", "DOGEUSDT"), java.util.Map.entry("side", "SELL"),
                java.util.Map.entry("type", "LIMIT"), java.util.Map.entry("timeInForce", "GTX"),
                java.util.Map.entry("quantity", "100"), java.util.Map.entry("price", "0.1234"),
                java.util.Map.entry("reduceOnly", "true"), java.util.Map.entry("newClientOrderId", "pf-7"),
                java.util.Map.entry("newOrderRespType", "RESULT"));
    }

    @Test
    void aPayloadMissingAFieldTheModelNeedsIsAVenueErrorNamingIt() {
        AsterOrder noStatus = new AsterOrder("1", "BTCUSDT", "abc", "BUY", "LIMIT", "GTC", BigDecimal.ONE,
                BigDecimal.ZERO, BigDecimal.TEN, null, null, false, 1L, 1L);

        assertThatThrownBy(() -> AsterAdapters.order("aster", noStatus, "BTC")).isInstanceOf(ExchangeException.class)
                .hasMessageContaining("'status'");
    }
}
