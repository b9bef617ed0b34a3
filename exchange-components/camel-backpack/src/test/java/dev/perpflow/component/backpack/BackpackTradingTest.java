package dev.perpflow.component.backpack;

import dev.perpflow.component.backpack.client.BackpackSigner;
import static dev.perpflow.component.backpack.BackpackMarketDataTest.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpackTradingTest {

    private final BackpackFixture backpack = BackpackFixture.withCredentials();

    @AfterEach
    void close() {
        backpack.close();
    }

    @Test
    void restingLimitOrderIsFoundQueriedAndCancelledByTheCallersClientOrderId() {
        BigDecimal belowBid = bestBid("ETH").subtract(new BigDecimal("50"));
        Order placed = backpack.client.submitOrder(OrderRequest.limit("pf-rest-1", "ETH", Side.BUY,
                new BigDecimal("0.5"), belowBid, TimeInForce.GTC)).join();

        assertThat(placed.clientOrderId()).isEqualTo("pf-rest-1");
        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(placed.venueOrderId()).matches("\\d+");
        assertThat(placed.price()).isEqualByComparingTo(belowBid);
        // the venue holds Backpack's u32 clientId derived from the caller's id
        assertThat(backpack.sim.exchange().openOrders("ETH")).extracting(Order::clientOrderId)
                .containsExactly(Long.toString(BackpackClientIds.venueId("pf-rest-1")));

        Order queried = backpack.client.queryOrder("ETH", "pf-rest-1").join();
        List<Order> open = backpack.client.openOrders(null).join();
        Order cancelled = backpack.client.cancelOrder("ETH", "pf-rest-1").join();

        assertThat(queried.venueOrderId()).isEqualTo(placed.venueOrderId());
        assertThat(queried.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(open).extracting(Order::clientOrderId).containsExactly("pf-rest-1");
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(backpack.client.openOrders("ETH").join()).isEmpty();
        // ended orders leave Backpack's book: the query answers from the order history
        assertThat(backpack.client.queryOrder("ETH", "pf-rest-1").join().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void marketOrderFillsAndOpensAPositionWithEntryMarkLiquidationAndPnl() {
        Order filled = backpack.client.submitOrder(OrderRequest.market("pf-mkt-1", "SOL", Side.BUY,
                new BigDecimal("4"), false)).join();

        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledQuantity()).isEqualByComparingTo("4");
        assertThat(filled.averagePrice()).isPositive();
        assertThat(filled.price()).isNull();

        backpack.sim.exchange().setMid("SOL", filled.averagePrice().add(BigDecimal.TEN));
        Position position = backpack.client.positions().join().get(0);
        Position venue = backpack.sim.exchange().positions().get(0);
        assertThat(position.symbol()).isEqualTo("SOL");
        assertThat(position.quantity()).isEqualByComparingTo("4");
        assertThat(position.entryPrice()).isEqualByComparingTo(venue.entryPrice());
        assertThat(position.markPrice()).isEqualByComparingTo(venue.markPrice());
        assertThat(position.liquidationPrice()).isEqualByComparingTo(venue.liquidationPrice());
        assertThat(position.unrealizedPnl()).isEqualByComparingTo(venue.unrealizedPnl()).isPositive();
    }

    @Test
    void fillsCarryFeeLiquidityAndTheCallersClientOrderId() {
        Instant before = backpack.sim.exchange().now();
        backpack.client.submitOrder(OrderRequest.market("pf-taker", "ETH", Side.SELL, new BigDecimal("0.2"), false))
                .join();
        BigDecimal aboveAsk = bestAsk("BTC");
        backpack.client.submitOrder(OrderRequest.limit("pf-maker", "BTC", Side.SELL, new BigDecimal("0.01"),
                aboveAsk, TimeInForce.POST_ONLY)).join();
        backpack.sim.exchange().setMid("BTC", aboveAsk.add(new BigDecimal("100")));

        List<Fill> fills = backpack.client.fillsSince(before).join();

        Fill taker = fills.stream().filter(f -> f.clientOrderId().equals("pf-taker")).findFirst().orElseThrow();
        assertThat(taker.symbol()).isEqualTo("ETH");
        assertThat(taker.side()).isEqualTo(Side.SELL);
        assertThat(taker.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(taker.fee()).isPositive();
        assertThat(taker.feeCurrency()).isEqualTo("USDC");
        assertThat(taker.venueOrderId()).matches("\\d+");
        Fill maker = fills.stream().filter(f -> f.clientOrderId().equals("pf-maker")).findFirst().orElseThrow();
        assertThat(maker.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(maker.price()).isEqualByComparingTo(aboveAsk);
        assertThat(fills).allSatisfy(f -> assertThat(f.timestamp()).isAfterOrEqualTo(before));
        assertThat(backpack.client.fillsSince(Instant.now().plus(Duration.ofHours(1))).join()).isEmpty();
    }

    @Test
    void cancellingAnOrderThatAlreadyFilledAnswersWithItsFilledView() {
        backpack.client.submitOrder(OrderRequest.market("pf-done", "ETH", Side.BUY, new BigDecimal("0.1"), false))
                .join();

        Order answer = backpack.client.cancelOrder("ETH", "pf-done").join();

        assertThat(answer.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(answer.clientOrderId()).isEqualTo("pf-done");
    }

    @Test
    void postOnlyOrderThatWouldTakeIsRejectedAndNothingRests() {
        assertThatThrownBy(() -> join(backpack.client.submitOrder(OrderRequest.limit("pf-cross", "ETH", Side.BUY,
                new BigDecimal("0.1"), bestAsk("ETH"), TimeInForce.POST_ONLY))))
                .isInstanceOfSatisfying(OrderRejectedException.class,
                        e -> assertThat(e.clientOrderId()).isEqualTo("pf-cross"))
                .hasMessageContaining("post-only");
        assertThat(backpack.sim.exchange().openOrders(null)).isEmpty();
    }

    @Test
    void reduceOnlyAndIocFlagsReachTheVenue() {
        backpack.client.submitOrder(OrderRequest.market("pf-open", "SOL", Side.SELL, new BigDecimal("2"), false)).join();

        Order reduce = backpack.client.submitOrder(OrderRequest.market("pf-reduce", "SOL", Side.BUY,
                new BigDecimal("5"), true)).join();
        Order ioc = backpack.client.submitOrder(OrderRequest.limit("pf-ioc", "ETH", Side.BUY, new BigDecimal("0.1"),
                bestBid("ETH").subtract(BigDecimal.TEN), TimeInForce.IOC)).join();

        assertThat(reduce.reduceOnly()).isTrue();
        assertThat(reduce.filledQuantity()).isEqualByComparingTo("2"); // only what the position held
        assertThat(backpack.client.positions().join()).isEmpty();
        assertThat(ioc.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(ioc.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(backpack.client.openOrders(null).join()).isEmpty();
    }

    @Test
    void balanceIsNetEquityAndWhatIsAvailable() {
        Balance before = backpack.client.balances().join().get(0);
        backpack.client.submitOrder(OrderRequest.market("pf-margin", "BTC", Side.BUY, new BigDecimal("0.5"), false))
                .join();
        Balance after = backpack.client.balances().join().get(0);

        Balance venue = backpack.sim.exchange().balances().get(0);
        assertThat(before.asset()).isEqualTo("USDC");
        assertThat(before.total()).isEqualByComparingTo("100000");
        assertThat(after.total()).isEqualByComparingTo(venue.total());
        assertThat(after.available()).isEqualByComparingTo(venue.available()).isLessThan(before.available());
    }

    @Test
    void leverageIsTheAccountWideLimitClampedToTheMarketMaximum() {
        int max = backpack.client.instruments().join().stream().filter(i -> i.symbol().equals("ETH")).findFirst()
                .orElseThrow().maxLeverage();

        assertThat(backpack.client.setLeverage("ETH", 3).join()).isEqualTo(3);
        assertThat(backpack.client.setLeverage("ETH", max + 50).join()).isEqualTo(max);

        FakeRequest patch = backpack.fake.server().requests().stream()
                .filter(r -> r.method().equals("PATCH") && r.path().equals("/api/v1/account")).findFirst()
                .orElseThrow();
        assertThat(patch.bodyText()).isEqualTo("{\"leverageLimit\":\"3\"}");
    }

    @Test
    void signedRequestsCarryTheKeyTimestampWindowAndAVerifiableSignature() {
        backpack.client.submitOrder(OrderRequest.limit("pf-signed", "SOL", Side.BUY, new BigDecimal("1.5"),
                bestBid("SOL").subtract(BigDecimal.ONE), TimeInForce.GTC)).join();

        FakeRequest post = backpack.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/order")).findFirst().orElseThrow();
        assertThat(post.header("X-API-Key")).contains(BackpackTestKeys.PUBLIC_KEY);
        assertThat(post.header("X-Window")).contains("5000");
        assertThat(post.header("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        long timestamp = Long.parseLong(post.header("X-Timestamp").orElseThrow());
        String body = post.bodyText();
        assertThat(body).contains("\"clientId\":" + BackpackClientIds.venueId("pf-signed"))
                .contains("\"side\":\"Bid\"", "\"orderType\":\"Limit\"", "\"quantity\":\"1.5\"",
                        "\"symbol\":\"SOL_USDC_PERP\"", "\"timeInForce\":\"GTC\"");
        String signee = "instruction=orderExecute&clientId=" + BackpackClientIds.venueId("pf-signed")
                + "&orderType=Limit&price=" + bestBidPriceIn(body) + "&quantity=1.5&side=Bid&symbol=SOL_USDC_PERP"
                + "&timeInForce=GTC&timestamp=" + timestamp + "&window=5000";
        assertThat(BackpackSigner.verify(BackpackTestKeys.PUBLIC_KEY, signee, post.header("X-Signature").orElseThrow()))
                .isTrue();
    }

    private static String bestBidPriceIn(String body) {
        int at = body.indexOf("\"price\":\"") + "\"price\":\"".length();
        return body.substring(at, body.indexOf('"', at));
    }

    private BigDecimal bestBid(String symbol) {
        OrderBook book = backpack.sim.exchange().book(symbol, 1);
        return book.bids().get(0).price();
    }

    private BigDecimal bestAsk(String symbol) {
        OrderBook book = backpack.sim.exchange().book(symbol, 1);
        return book.asks().get(0).price();
    }
}
