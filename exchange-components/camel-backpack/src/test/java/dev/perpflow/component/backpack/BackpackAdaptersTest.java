package dev.perpflow.component.backpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.backpack.dto.BackpackCollateral;
import dev.perpflow.component.backpack.dto.BackpackDepth;
import dev.perpflow.component.backpack.dto.BackpackDepthUpdate;
import dev.perpflow.component.backpack.dto.BackpackFill;
import dev.perpflow.component.backpack.dto.BackpackMarkPrice;
import dev.perpflow.component.backpack.dto.BackpackMarket;
import dev.perpflow.component.backpack.dto.BackpackOrder;
import dev.perpflow.component.backpack.dto.BackpackOrderUpdate;
import dev.perpflow.component.backpack.dto.BackpackPosition;
import dev.perpflow.component.backpack.dto.BackpackPositionUpdate;
import dev.perpflow.component.backpack.dto.BackpackStreamMessage;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.http.VenueRestApi;
import dev.perpflow.exchange.model.Balance;
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
 * {@link BackpackAdapters} on Backpack-shaped payloads ({@code src/test/resources/backpack/}, sources in its README):
 * read into the DTO records as the REST layer and the streams do, then mapped to the model.
 */
class BackpackAdaptersTest {

    private static final ObjectMapper JSON = VenueRestApi.newMapper();
    private static final RecordedPayloads PAYLOADS = new RecordedPayloads("backpack", JSON);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void tradablePerpetualsBecomeInstrumentsWithTheirOwnFundingInterval() {
        List<BackpackMarket> markets = PAYLOADS.read("markets.json", new TypeReference<>() { });

        List<Instrument> instruments = markets.stream().filter(BackpackAdapters::isTradablePerpetual)
                .map(m -> BackpackAdapters.instrument("backpack", m)).toList();

        assertThat(instruments).extracting(Instrument::symbol).containsExactly("SOL", "BONK");
        Instrument sol = instruments.get(0);
        assertThat(sol.tickSize()).isEqualByComparingTo("0.01");
        assertThat(sol.lotSize()).isEqualByComparingTo("0.01");
        assertThat(sol.maxLeverage()).isEqualTo(20);
        assertThat(sol.fundingIntervalHours()).isEqualTo(1);
        Instrument bonk = instruments.get(1);
        assertThat(bonk.quantityMultiplier()).isEqualByComparingTo("1000");
        assertThat(bonk.fundingIntervalHours()).isEqualTo(8);
        assertThat(bonk.maxLeverage()).as("no leverage filter").isEqualTo(BackpackAdapters.DEFAULT_MAX_LEVERAGE);
    }

    @Test
    void markPricesCarryTheCurrentIntervalsRate() {
        BackpackMarkPrice row = PAYLOADS.read("mark-prices.json", new TypeReference<List<BackpackMarkPrice>>() { }).get(0);
        Instrument sol = new Instrument("backpack", "SOL", "SOL_USDC_PERP", "USDC", new BigDecimal("0.01"),
                new BigDecimal("0.01"), BigDecimal.ZERO, 20, 1, BigDecimal.ONE);

        FundingRate rate = BackpackAdapters.fundingRate("backpack", row, sol, NOW);

        assertThat(rate.rate()).isEqualByComparingTo("0.0000125");
        assertThat(rate.intervalHours()).isEqualTo(1);
        assertThat(rate.ratePer8h()).isEqualByComparingTo("0.0001");
        assertThat(rate.markPrice()).isEqualByComparingTo("150.12");
        assertThat(rate.nextFundingTime()).isEqualTo(Instant.ofEpochMilli(1700003600000L));
    }

    @Test
    void depthIsSortedBestFirstWithItsMicrosecondTime() {
        OrderBook book = BackpackAdapters.book("backpack", PAYLOADS.read("depth.json", BackpackDepth.class), "SOL", 5, NOW);

        assertThat(book.sequence()).isEqualTo(1830004521L);
        assertThat(book.bids()).extracting(l -> l.price().toPlainString()).containsExactly("150.11", "150.10");
        assertThat(book.asks()).extracting(l -> l.price().toPlainString()).containsExactly("150.13", "150.14");
        assertThat(book.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_000L));
    }

    @Test
    void anOrderIsReportedUnderPerpflowsClientOrderIdWithItsAveragePrice() {
        Order order = BackpackAdapters.order("backpack", PAYLOADS.read("order.json", BackpackOrder.class), "SOL", "pf-1");

        assertThat(order.clientOrderId()).isEqualTo("pf-1");
        assertThat(order.venueOrderId()).isEqualTo("114237488573431808");
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.POST_ONLY);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.quantity()).isEqualByComparingTo("2");
        assertThat(order.filledQuantity()).isEqualByComparingTo("0.5");
        assertThat(order.averagePrice()).isEqualByComparingTo("150.10");
        assertThat(order.createdAt()).isEqualTo(Instant.ofEpochMilli(1700000000123L));
    }

    @Test
    void aFillHistoryRowHasAnIsoUtcTime() {
        BackpackFill row = PAYLOADS.read("fills.json", new TypeReference<List<BackpackFill>>() { }).get(0);

        Fill fill = BackpackAdapters.fill("backpack", row, "SOL", "pf-1");

        assertThat(fill.tradeId()).isEqualTo("3348102");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(fill.fee()).isEqualByComparingTo("0.015");
        assertThat(fill.timestamp()).isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
    }

    @Test
    void positionAndCollateralMap() {
        BackpackPosition row = PAYLOADS.read("positions.json", new TypeReference<List<BackpackPosition>>() { }).get(0);

        Position position = BackpackAdapters.position("backpack", row, "SOL", NOW);
        Balance balance = BackpackAdapters.balance("backpack", PAYLOADS.read("collateral.json", BackpackCollateral.class), NOW);

        assertThat(position.quantity()).isEqualByComparingTo("-0.5");
        assertThat(position.liquidationPrice()).as("0 means none").isNull();
        assertThat(position.fundingAccrued()).isEqualByComparingTo("0.002");
        assertThat(balance.asset()).isEqualTo("USDC");
        assertThat(balance.total()).isEqualByComparingTo("999.99");
        assertThat(balance.available()).isEqualByComparingTo("960");
    }

    @Test
    void streamEventsBecomeOrdersFillsPositionsAndBookUpdates() {
        BackpackOrderUpdate fillEvent = data("stream-order-fill.json", BackpackOrderUpdate.class);
        BackpackPositionUpdate positionEvent = data("stream-position.json", BackpackPositionUpdate.class);
        BackpackDepthUpdate depthEvent = data("stream-depth.json", BackpackDepthUpdate.class);

        Order order = BackpackAdapters.order("backpack", fillEvent, "SOL", "pf-1");
        Fill fill = BackpackAdapters.fill("backpack", fillEvent, "SOL", "pf-1");
        Position position = BackpackAdapters.position("backpack", positionEvent, "SOL");

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.averagePrice()).isEqualByComparingTo("150.10");
        assertThat(fill.quantity()).isEqualByComparingTo("0.5");
        assertThat(fill.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 223_000_000L));
        assertThat(position.quantity()).isEqualByComparingTo("-0.5");
        assertThat(position.entryPrice()).as("B, not b").isEqualByComparingTo("150.10");
        assertThat(depthEvent.firstUpdateId()).isEqualTo(1830004522L);
        assertThat(BackpackAdapters.levels("backpack", depthEvent.asks(), 5, false).get(0).quantity()).isZero();
    }

    @Test
    void anOrderRequestBecomesBackpacksBody() {
        OrderRequest request = OrderRequest.limit("pf-1", "SOL", Side.SELL, new BigDecimal("2"),
                new BigDecimal("150.10"), TimeInForce.POST_ONLY);

        assertThat(BackpackAdapters.orderBody(JSON, request, "SOL_USDC_PERP", 2289839669L).toString()).isEqualTo(
                "{\"clientId\":2289839669,\"orderType\":\"Limit\",\"postOnly\":true,\"price\":\"150.10\","
                        + "\"quantity\":\"2\",\"side\":\"Ask\",\"symbol\":\"SOL_USDC_PERP\",\"timeInForce\":\"GTC\"}");
    }

    @Test
    void aPayloadMissingAFieldTheModelNeedsIsAVenueErrorNamingIt() {
        BackpackCollateral noEquity = new BackpackCollateral(null, BigDecimal.TEN);

        assertThatThrownBy(() -> BackpackAdapters.balance("backpack", noEquity, NOW))
                .isInstanceOf(ExchangeException.class).hasMessageContaining("'netEquity'");
    }

    /** The {@code data} of a stream message, as the streams read it. */
    private static <T> T data(String name, Class<T> type) {
        BackpackStreamMessage message = PAYLOADS.read(name, BackpackStreamMessage.class);
        return JSON.convertValue(message.data(), type);
    }
}
