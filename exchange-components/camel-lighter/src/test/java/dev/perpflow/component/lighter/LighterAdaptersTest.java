package dev.perpflow.component.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.component.lighter.client.LighterRestApi;
import dev.perpflow.component.lighter.dto.LighterAccounts;
import dev.perpflow.component.lighter.dto.LighterBookUpdate;
import dev.perpflow.component.lighter.dto.LighterFundingRates;
import dev.perpflow.component.lighter.dto.LighterMarket;
import dev.perpflow.component.lighter.dto.LighterOrder;
import dev.perpflow.component.lighter.dto.LighterOrderBookDetails;
import dev.perpflow.component.lighter.dto.LighterStreamMessage;
import dev.perpflow.component.lighter.dto.LighterTrade;
import dev.perpflow.exchange.error.OrderRejectedException;
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
import dev.perpflow.lighter.signer.LighterTx;
import dev.perpflow.testkit.RecordedPayloads;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Lighter's payloads (schema-shaped from the API reference's models, src/test/resources/lighter/README.md) to the
 * model: markets with decimals, margin fraction and the k prefix, Lighter's funding row (8 h) as an hourly rate, USD
 * stats, orders and their statuses, the account's side of a trade, positions and collateral, stream book levels, and
 * an order request to CreateOrder's integers.
 */
class LighterAdaptersTest {

    private static final RecordedPayloads PAYLOADS = new RecordedPayloads("lighter", LighterRestApi.newLighterMapper());
    private static final Instant NOW = Instant.parse("2025-12-06T05:40:00Z");

    private static LighterMarket market(int index) {
        return PAYLOADS.read("order-book-details.json", LighterOrderBookDetails.class).orderBookDetails().get(index);
    }

    @Test
    void marketsAreActivePerpetualsWithTheirDecimalsLeverageAndMultiplier() {
        Instrument eth = LighterAdapters.instrument("lighter", market(0));
        assertThat(eth.symbol()).isEqualTo("ETH");
        assertThat(eth.tickSize()).isEqualByComparingTo("0.01");
        assertThat(eth.lotSize()).isEqualByComparingTo("0.0001");
        assertThat(eth.minNotional()).isEqualByComparingTo("10");
        assertThat(eth.maxLeverage()).isEqualTo(50);
        assertThat(eth.fundingIntervalHours()).isEqualTo(1);
        Instrument pepe = LighterAdapters.instrument("lighter", market(1));
        assertThat(pepe.symbol()).isEqualTo("PEPE");
        assertThat(pepe.quantityMultiplier()).isEqualByComparingTo("1000");
        assertThat(pepe.maxLeverage()).isEqualTo(10);
        assertThat(LighterAdapters.isTradablePerpetual(market(2))).as("inactive").isFalse();
    }

    @Test
    void lightersEightHourRowIsStoredAsTheHourlyRateItSettles() {
        LighterFundingRates rates = PAYLOADS.read("funding-rates.json", LighterFundingRates.class);
        Instrument eth = LighterAdapters.instrument("lighter", market(0));
        FundingRate rate = LighterAdapters.fundingRate("lighter", rates.fundingRates().get(0), eth, market(0), NOW);
        assertThat(rate.rate()).isEqualByComparingTo("0.0000125");
        assertThat(rate.intervalHours()).isEqualTo(1);
        assertThat(rate.ratePer8h()).isEqualByComparingTo("0.0001");
        assertThat(rate.markPrice()).isEqualByComparingTo("3024.51");
        assertThat(rate.nextFundingTime()).isEqualTo(Instant.parse("2025-12-06T06:00:00Z"));
        MarketStats stats = LighterAdapters.marketStats("lighter", market(0), eth, NOW);
        assertThat(stats.volume24hUsd()).isEqualByComparingTo("712001893.221574");
        assertThat(stats.openInterestUsd()).isEqualByComparingTo(new BigDecimal("41862.3312")
                .multiply(new BigDecimal("3024.66")).multiply(BigDecimal.valueOf(2)));
    }

    @Test
    void ordersMapStatusesFillsAndRefusals() {
        Order order = LighterAdapters.order("lighter", PAYLOADS.read("order.json", LighterOrder.class), "ETH", "cid");
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.quantity()).isEqualByComparingTo("0.5");
        assertThat(order.filledQuantity()).isEqualByComparingTo("0.3");
        assertThat(order.averagePrice()).isEqualByComparingTo("3000.10");
        assertThat(order.venueOrderId()).isEqualTo("281474976717311");
        assertThat(order.createdAt()).isEqualTo(Instant.ofEpochSecond(1765000000));
        Order refused = LighterAdapters.order("lighter", PAYLOADS.read("order-post-only-refused.json",
                LighterOrder.class), "ETH", "po");
        assertThat(refused.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(refused.rejectReason()).isEqualTo("post-only");
        assertThat(refused.timeInForce()).isEqualTo(TimeInForce.POST_ONLY);
        assertThat(LighterAdapters.status("canceled", BigDecimal.ZERO)).isEqualTo(OrderStatus.CANCELED);
        assertThat(LighterAdapters.status("canceled-not-enough-liquidity", BigDecimal.ONE))
                .isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aTradeIsTheAccountsSideWithItsFeeRate() {
        LighterTrade trade = PAYLOADS.read("trade.json", LighterTrade.class);
        Fill fill = LighterAdapters.fill("lighter", trade, 281, "ETH", index -> "cid-" + index);
        assertThat(fill.side()).isEqualTo(Side.SELL);
        assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(fill.clientOrderId()).isEqualTo("cid-123456");
        assertThat(fill.fee()).isEqualByComparingTo("0.0180006"); // 900.03 × 20 / 1e6
        assertThat(fill.timestamp()).isEqualTo(Instant.ofEpochMilli(1765000012345L));
        Fill other = LighterAdapters.fill("lighter", trade, 9001, "ETH", index -> "cid-" + index);
        assertThat(other.side()).isEqualTo(Side.BUY);
        assertThat(other.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(other.clientOrderId()).isEqualTo("lighter-281474976717000");
    }

    @Test
    void positionsAreSignedAndTheBalanceIsEquityAndAvailable() {
        LighterAccounts accounts = PAYLOADS.read("account.json", LighterAccounts.class);
        Position position = LighterAdapters.position("lighter", accounts.accounts().get(0).positions().get(0), "ETH",
                NOW);
        assertThat(position.quantity()).isEqualByComparingTo("-0.3");
        assertThat(position.markPrice()).isEqualByComparingTo("3000");
        assertThat(position.fundingAccrued()).isEqualByComparingTo("-0.012");
        assertThat(position.leverage()).isEqualByComparingTo("20");
        Balance balance = LighterAdapters.balance("lighter", accounts.accounts().get(0), NOW);
        assertThat(balance.total()).isEqualByComparingTo("1004.25");
        assertThat(balance.available()).isEqualByComparingTo("812.5");
    }

    @Test
    void streamBookLevelsKeepTheirNonceChain() {
        LighterStreamMessage message = PAYLOADS.read("stream-order-book.json", LighterStreamMessage.class);
        LighterBookUpdate update = LighterRestApi.newLighterMapper().convertValue(message.orderBook(),
                LighterBookUpdate.class);
        assertThat(update.beginNonce()).isEqualTo(25652762006L);
        assertThat(update.nonce()).isEqualTo(25652762093L);
        assertThat(LighterAdapters.levels(update.bids())).hasSize(2)
                .anySatisfy(l -> assertThat(l.quantity()).isEqualByComparingTo("0"));
    }

    @Test
    void anOrderRequestBecomesCreateOrdersScaledIntegers() {
        OrderRequest limit = OrderRequest.limit("c", "ETH", Side.SELL, new BigDecimal("0.4301"),
                new BigDecimal("3697.86"), TimeInForce.POST_ONLY);
        LighterAdapters.OrderDraft draft = LighterAdapters.createOrder("lighter", limit, market(0), 99, null, NOW);
        assertThat(draft.baseAmount()).isEqualTo(4301);
        assertThat(draft.price()).isEqualTo(369786);
        assertThat(draft.isAsk()).isEqualTo(1);
        assertThat(draft.timeInForce()).isEqualTo(LighterTx.POST_ONLY);
        assertThat(draft.orderExpiry()).isEqualTo(NOW.plus(LighterAdapters.ORDER_EXPIRY).toEpochMilli());
        Instrument eth = LighterAdapters.instrument("lighter", market(0));
        BigDecimal worst = LighterAdapters.worstPrice(Side.BUY, new BigDecimal("3000.01"), new BigDecimal("0.05"), eth);
        assertThat(worst).isEqualByComparingTo("3150.02");
        LighterAdapters.OrderDraft market = LighterAdapters.createOrder("lighter", OrderRequest.market("m", "ETH",
                Side.BUY, new BigDecimal("0.01"), true), market(0), 100, worst, NOW);
        assertThat(market.orderType()).isEqualTo(LighterTx.ORDER_TYPE_MARKET);
        assertThat(market.timeInForce()).isEqualTo(LighterTx.IMMEDIATE_OR_CANCEL);
        assertThat(market.orderExpiry()).isZero();
        assertThat(market.reduceOnly()).isEqualTo(1);
        assertThatThrownBy(() -> LighterAdapters.createOrder("lighter", OrderRequest.limit("x", "ETH", Side.BUY,
                new BigDecimal("0.00001"), BigDecimal.TEN, TimeInForce.GTC), market(0), 1, null, NOW))
                .isInstanceOf(OrderRejectedException.class);
    }
}
