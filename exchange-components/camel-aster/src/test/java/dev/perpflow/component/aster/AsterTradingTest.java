package dev.perpflow.component.aster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsterTradingTest {

    private final AsterFixture aster = AsterFixture.withCredentials();

    @AfterEach
    void close() {
        aster.close();
    }

    @Test
    void restingLimitOrderIsFoundByClientIdListedAndCancelled() {
        BigDecimal farBid = aster.sim.exchange().book("ETH", 1).bids().get(0).price().multiply(new BigDecimal("0.9"))
                .setScale(1, java.math.RoundingMode.DOWN);

        Order placed = join(aster.client.submitOrder(OrderRequest.limit("pf-rest-1", "ETH", Side.BUY,
                new BigDecimal("0.50"), farBid, TimeInForce.GTC)));

        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(placed.clientOrderId()).isEqualTo("pf-rest-1");
        assertThat(placed.price()).isEqualByComparingTo(farBid);
        assertThat(join(aster.client.queryOrder("ETH", "pf-rest-1")).status()).isEqualTo(OrderStatus.OPEN);
        assertThat(join(aster.client.openOrders(null))).extracting(Order::clientOrderId).containsExactly("pf-rest-1");
        assertThat(join(aster.client.openOrders("BTC"))).isEmpty();

        Order cancelled = join(aster.client.cancelOrder("ETH", "pf-rest-1"));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(join(aster.client.openOrders(null))).isEmpty();
        // cancelling again answers with the order's final view instead of an error
        assertThat(join(aster.client.cancelOrder("ETH", "pf-rest-1")).status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void signsEveryPrivateRequestOverTheExactBytesSent() {
        join(aster.client.submitOrder(OrderRequest.market("pf-signed-1", "SOL", Side.BUY, new BigDecimal("2"), false)));

        FakeRequest submit = aster.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/fapi/v1/order")).findFirst().orElseThrow();
        assertThat(submit.header("X-MBX-APIKEY")).contains(AsterFixture.API_KEY);
        assertThat(submit.bodyText()).startsWith("symbol=SOLUSDT&side=BUY&type=MARKET&quantity=2&")
                .contains("newClientOrderId=pf-signed-1").containsPattern("&timestamp=\\d+&recvWindow=5000&signature=[0-9a-f]{64}$");
        assertThat(submit.rawQuery()).isEmpty();
    }

    @Test
    void marketOrderFillsAndShowsAsPositionBalanceAndFill() {
        Instant before = aster.sim.exchange().now().minusSeconds(1);
        BigDecimal startBalance = join(aster.client.balances()).get(0).total();

        Order filled = join(aster.client.submitOrder(
                OrderRequest.market("pf-mkt-1", "BONK", Side.SELL, new BigDecimal("20000"), false)));

        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.averagePrice()).isNotNull();
        Position position = single(join(aster.client.positions()));
        assertThat(position.symbol()).isEqualTo("BONK");
        assertThat(position.quantity()).isEqualByComparingTo("-20000");
        assertThat(position.entryPrice()).isEqualByComparingTo(filled.averagePrice());
        assertThat(position.markPrice()).isNotNull();
        assertThat(position.liquidationPrice()).isNotNull();
        List<Fill> fills = join(aster.client.fillsSince(before)); // one per book level taken
        assertThat(fills).isNotEmpty().allSatisfy(fill -> {
            assertThat(fill.clientOrderId()).isEqualTo("pf-mkt-1");
            assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(fill.fee()).isPositive();
        });
        assertThat(fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("20000");
        Balance balance = join(aster.client.balances()).get(0);
        assertThat(balance.asset()).isEqualTo("USDT");
        // 20,000 contracts of 1000BONK at ~20 USDT: the taker fee (0.04 %) came off the wallet
        assertThat(balance.total()).isLessThan(startBalance);
    }

    @Test
    void fillsOfOrdersPlacedElsewhereGetTheirClientIdsFromTheVenue() {
        aster.sim.exchange().submit(OrderRequest.market("placed-by-hand", "ETH", Side.BUY, BigDecimal.ONE, false));

        List<Fill> fills = join(aster.client.fillsSince(Instant.EPOCH));

        assertThat(fills).extracting(Fill::clientOrderId).containsExactly("placed-by-hand");
    }

    @Test
    void fillsOfManyOrdersPlacedElsewhereCostOneOrderListPerMarketNotOneQueryPerTrade() {
        for (int i = 0; i < 5; i++) {
            aster.sim.exchange().submit(OrderRequest.market("elsewhere-" + i, "ETH", Side.BUY, BigDecimal.ONE, false));
        }

        List<Fill> fills = join(aster.client.fillsSince(Instant.now().minusSeconds(60)));

        assertThat(fills).extracting(Fill::clientOrderId)
                .containsExactlyInAnyOrder("elsewhere-0", "elsewhere-1", "elsewhere-2", "elsewhere-3", "elsewhere-4");
        assertThat(aster.fake.server().requests()).filteredOn(r -> r.path().equals("/fapi/v1/order")).isEmpty();
        assertThat(aster.fake.server().requests()).filteredOn(r -> r.path().equals("/fapi/v1/allOrders")).hasSize(1);
    }

    @Test
    void reduceOnlyAndPostOnlyAreSentAsTheVenueNamesThem() {
        OrderBook book = aster.sim.exchange().book("ETH", 1);
        join(aster.client.submitOrder(OrderRequest.market("pf-open", "ETH", Side.BUY, BigDecimal.ONE, false)));

        join(aster.client.submitOrder(OrderRequest.limit("pf-maker", "ETH", Side.SELL, BigDecimal.ONE,
                book.asks().get(0).price().add(BigDecimal.TEN), TimeInForce.POST_ONLY).withReduceOnly(true)));

        String body = aster.fake.server().requests().stream().filter(r -> r.bodyText().contains("pf-maker"))
                .findFirst().orElseThrow().bodyText();
        assertThat(body).contains("timeInForce=GTX").contains("reduceOnly=true");
        Order maker = join(aster.client.queryOrder("ETH", "pf-maker"));
        assertThat(maker.reduceOnly()).isTrue();
        assertThat(maker.timeInForce()).isEqualTo(TimeInForce.POST_ONLY);
    }

    @Test
    void setsLeverageAndReadsTheMaximumFromTheBrackets() {
        assertThat(join(aster.client.setLeverage("BTC", 7))).isEqualTo(7);
        assertThat(join(aster.client.instruments()).stream().filter(i -> i.symbol().equals("BTC")).findFirst()
                .orElseThrow().maxLeverage()).isEqualTo(20);
    }

    @Test
    void tradingWithoutCredentialsNamesTheMissingSettings() {
        try (AsterFixture publicOnly = AsterFixture.publicOnly()) {
            assertThatThrownBy(() -> join(publicOnly.client.balances()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("ASTER_API_KEY").hasMessageContaining("ASTER_SECRET_KEY");
        }
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = ExchangeException.unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
