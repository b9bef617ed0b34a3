package dev.perpflow.component.hyperliquid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.component.hyperliquid.dto.HyperliquidAssetCtx;
import dev.perpflow.component.hyperliquid.dto.HyperliquidClearinghouseState;
import dev.perpflow.component.hyperliquid.dto.HyperliquidFill;
import dev.perpflow.component.hyperliquid.dto.HyperliquidL2Book;
import dev.perpflow.component.hyperliquid.dto.HyperliquidMeta;
import dev.perpflow.component.hyperliquid.dto.HyperliquidOrder;
import dev.perpflow.component.hyperliquid.dto.HyperliquidOrderStatus;
import dev.perpflow.component.hyperliquid.dto.HyperliquidOrderUpdate;
import dev.perpflow.component.hyperliquid.dto.HyperliquidPredictedFunding;
import dev.perpflow.exchange.http.VenueRestApi;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.testkit.RecordedPayloads;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hyperliquid's adapters on recorded responses and the API pages' examples (src/test/resources/hyperliquid). */
class HyperliquidAdaptersTest {

    private static final RecordedPayloads PAYLOADS = new RecordedPayloads("hyperliquid", VenueRestApi.newMapper());
    private static final Instant NOW = Instant.parse("2026-12-01T10:20:00Z");

    @Test
    void metaListsPerpetualsWithTheirStepsAndThousandCoins() {
        HyperliquidMeta meta = PAYLOADS.read("meta.json", HyperliquidMeta.class);
        List<Instrument> instruments = meta.universe().stream().filter(HyperliquidAdapters::isListed)
                .map(a -> HyperliquidAdapters.instrument("hyperliquid", a)).toList();

        Instrument btc = instruments.stream().filter(i -> i.symbol().equals("BTC")).findFirst().orElseThrow();
        assertThat(btc.lotSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.1"); // 6 - 5 decimals
        assertThat(btc.fundingIntervalHours()).isEqualTo(1);
        assertThat(btc.maxLeverage()).isEqualTo(50);
        Instrument pepe = instruments.stream().filter(i -> i.venueSymbol().equals("kPEPE")).findFirst().orElseThrow();
        assertThat(pepe.symbol()).isEqualTo("PEPE");
        assertThat(pepe.quantityMultiplier()).isEqualByComparingTo("1000");
    }

    @Test
    void assetContextsGiveHourlyFundingAndUsdStats() {
        List<JsonNode> pair = PAYLOADS.read("metaAndAssetCtxs.json", new TypeReference<List<JsonNode>>() { });
        List<HyperliquidAssetCtx> ctxs = VenueRestApi.newMapper().convertValue(pair.get(1),
                new TypeReference<List<HyperliquidAssetCtx>>() { });
        HyperliquidMeta meta = VenueRestApi.newMapper().convertValue(pair.get(0), HyperliquidMeta.class);
        Instrument btc = HyperliquidAdapters.instrument("hyperliquid", meta.universe().get(0));

        FundingRate rate = HyperliquidAdapters.fundingRate("hyperliquid", ctxs.get(0), btc, null, NOW);
        assertThat(rate.rate()).isEqualByComparingTo("0.0000125");
        assertThat(rate.intervalHours()).isEqualTo(1);
        assertThat(rate.ratePer8h()).isEqualByComparingTo("0.0001");
        assertThat(rate.nextFundingTime()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(rate.markPrice()).isEqualByComparingTo("14.3161");
        var stats = HyperliquidAdapters.marketStats("hyperliquid", ctxs.get(0), btc, NOW);
        assertThat(stats.volume24hUsd()).isEqualByComparingTo("1169046.29406");
        assertThat(stats.openInterestUsd()).isEqualByComparingTo(new BigDecimal("688.11").multiply(
                new BigDecimal("14.3161")));
    }

    @Test
    void thePredictedRateAndNextFundingTimeComeFromTheVenuesOwnEntry() {
        List<JsonNode> rows = PAYLOADS.read("predictedFundings.json", new TypeReference<List<JsonNode>>() { });
        JsonNode hl = rows.get(0).get(1).get(1);
        HyperliquidPredictedFunding own = new HyperliquidPredictedFunding(rows.get(0).get(0).asText(),
                hl.get(0).asText(), new BigDecimal(hl.get(1).get("fundingRate").asText()),
                hl.get(1).get("nextFundingTime").asLong(), null);
        assertThat(own.venue()).isEqualTo(HyperliquidAdapters.OWN_VENUE);
        Instrument avax = new Instrument("hyperliquid", "AVAX", "AVAX", "USDC", new BigDecimal("0.0001"),
                new BigDecimal("0.01"), BigDecimal.TEN, 50, 1, BigDecimal.ONE);
        HyperliquidAssetCtx ctx = new HyperliquidAssetCtx(new BigDecimal("0.00001"), BigDecimal.ONE, null, null, null,
                null, BigDecimal.ONE, null, null, null);
        FundingRate rate = HyperliquidAdapters.fundingRate("hyperliquid", ctx, avax, own, NOW);
        assertThat(rate.predictedRate()).isEqualByComparingTo("0.0000125");
        assertThat(rate.nextFundingTime()).isEqualTo(Instant.ofEpochMilli(1733958000000L));
    }

    @Test
    void theBookKeepsItsLevelsBestFirstAndTheVenuesTime() {
        HyperliquidL2Book l2 = PAYLOADS.read("l2Book.json", HyperliquidL2Book.class);
        OrderBook book = HyperliquidAdapters.book("hyperliquid", l2, "DYDX", 3, NOW);
        assertThat(book.bids()).hasSize(3);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("2.111");
        assertThat(book.asks().get(0).price()).isGreaterThan(book.bids().get(0).price());
    }

    @Test
    void ordersAndFillsMapTheirSidesSizesAndStatuses() {
        List<HyperliquidOrder> open = PAYLOADS.read("frontendOpenOrders.json", new TypeReference<>() { });
        HyperliquidOrder limit = open.stream().filter(o -> !Boolean.TRUE.equals(o.isTrigger())).findFirst().orElseThrow();
        Order order = HyperliquidAdapters.openOrder("hyperliquid", limit, "INJ", "cid-1");
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.quantity()).isEqualByComparingTo("12.5");

        HyperliquidOrderStatus status = PAYLOADS.read("orderStatus.json", HyperliquidOrderStatus.class);
        Order filled = HyperliquidAdapters.order("hyperliquid", status.order(), "ETH", "cid-2");
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledQuantity()).isEqualByComparingTo("0.0076");
        assertThat(filled.reduceOnly()).isTrue();

        List<HyperliquidOrderUpdate> history = PAYLOADS.read("historicalOrders.json", new TypeReference<>() { });
        assertThat(HyperliquidAdapters.order("hyperliquid", history.get(0), "TON", "cid-3").status())
                .isEqualTo(OrderStatus.REJECTED); // iocCancelRejected
        assertThat(HyperliquidAdapters.status("marginCanceled")).isEqualTo(OrderStatus.CANCELED);

        HyperliquidFill fill = PAYLOADS.read("userFills.json", new TypeReference<List<HyperliquidFill>>() { }).get(0);
        var model = HyperliquidAdapters.fill("hyperliquid", fill, "SUI", null);
        assertThat(model.side()).isEqualTo(Side.SELL);
        assertThat(model.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(model.quantity()).isEqualByComparingTo("142.7");
    }

    @Test
    void positionsAndTheBalanceComeFromTheClearinghouseState() {
        HyperliquidClearinghouseState state = PAYLOADS.read("clearinghouseState.json",
                HyperliquidClearinghouseState.class);
        Position btc = HyperliquidAdapters.position("hyperliquid", state.assetPositions().get(0).position(), "BTC", NOW);
        assertThat(btc.quantity()).isEqualByComparingTo("-0.00785");
        assertThat(btc.markPrice()).isEqualByComparingTo(new BigDecimal("211.64542").divide(new BigDecimal("0.00785"),
                java.math.MathContext.DECIMAL64));
        assertThat(btc.leverage()).isEqualByComparingTo("20");
        Position eth = HyperliquidAdapters.position("hyperliquid", state.assetPositions().get(1).position(), "ETH", NOW);
        assertThat(eth.liquidationPrice()).isNull();
        assertThat(HyperliquidAdapters.balance("hyperliquid", state, NOW).asset()).isEqualTo("USDC");
    }
}
