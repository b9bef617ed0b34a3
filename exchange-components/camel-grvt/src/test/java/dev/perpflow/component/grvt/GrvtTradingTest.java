package dev.perpflow.component.grvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trading against the fake GRVT, which logs in the API key on its auth host, takes trading calls on its trading host
 * only with the session's cookie and account id header, and accepts an order only when the signer recovered from its
 * EIP-712 signature is the configured wallet: orders by client order id, fills, positions, balances, leverage; an
 * expired session is logged in again; a wrong key is refused.
 */
class GrvtTradingTest {

    private final GrvtFixture fixture = new GrvtFixture();
    private final GrvtExchangeClient client = fixture.client();

    @AfterEach
    void close() {
        client.close();
        fixture.close();
    }

    @Test
    void aRestingOrderIsPlacedFoundAndCancelledByItsClientId() {
        BigDecimal far = farBid("ETH");
        Order placed = client.submitOrder(OrderRequest.limit("gr-rest-1", "ETH", Side.BUY, new BigDecimal("0.5"), far,
                TimeInForce.POST_ONLY)).join();
        Order found = client.queryOrder("ETH", "gr-rest-1").join();
        List<Order> open = client.openOrders("ETH").join();
        Order cancelled = client.cancelOrder("ETH", "gr-rest-1").join();

        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(placed.timeInForce()).isEqualTo(TimeInForce.POST_ONLY);
        assertThat(found.venueOrderId()).isEqualTo(placed.venueOrderId());
        assertThat(open).extracting(Order::clientOrderId).containsExactly("gr-rest-1");
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        FakeRequest create = fixture.fake.tradesServer().requests().stream()
                .filter(r -> r.path().equals("/full/v1/create_order")).findFirst().orElseThrow();
        assertThat(create.header("cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("gravity="));
        assertThat(create.header("x-grvt-account-id")).isPresent();
        assertThat(create.bodyText()).contains("\"client_order_id\":\"" + GrvtClientIds.venueId("gr-rest-1") + "\"")
                .contains("\"chain_id\":\"325\"").contains("\"signer\":\"" + GrvtFixture.SIGNER + "\"");
        assertThat(new java.math.BigInteger(GrvtClientIds.venueId("gr-rest-1")))
                .isGreaterThanOrEqualTo(java.math.BigInteger.ONE.shiftLeft(63));
    }

    @Test
    void aMarketOrderFillsWithItsFillPositionAndBalanceReported() {
        Instant before = Instant.now().minusSeconds(5);
        Order filled = client.submitOrder(OrderRequest.market("gr-mkt-1", "ETH", Side.SELL, new BigDecimal("0.2"),
                false)).join();

        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(client.fillsSince(before).join()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("gr-mkt-1"));
        assertThat(client.positions().join()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("-0.2"));
        assertThat(client.balances().join()).singleElement().satisfies(b -> assertThat(b.asset()).isEqualTo("USDT"));
        assertThat(client.setLeverage("ETH", 3).join()).isEqualTo(3);
    }

    @Test
    void anExpiredSessionIsLoggedInAgainAndTheCallSucceeds() {
        client.balances().join();
        fixture.fake.expireSessions();

        assertThat(client.balances().join()).isNotEmpty();
        assertThat(client.restApi().session().logins()).isEqualTo(2);
        assertThat(fixture.fake.authServer().requests()).hasSize(2);
    }

    @Test
    void anOrderSignedByAnotherKeyIsRefusedAndAWrongApiKeyCannotLogIn() {
        try (GrvtExchangeClient other = fixture.client(GrvtCredentials.of(GrvtFixture.SUB_ACCOUNT, "0x" + "5".repeat(64),
                GrvtFixture.API_KEY))) {
            assertThatThrownBy(() -> other.submitOrder(OrderRequest.limit("gr-bad-1", "ETH", Side.BUY,
                    new BigDecimal("0.5"), farBid("ETH"), TimeInForce.GTC)).join()).cause()
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("2000");
        }
        try (GrvtExchangeClient other = fixture.client(GrvtCredentials.of(GrvtFixture.SUB_ACCOUNT,
                GrvtFixture.PRIVATE_KEY, "not-the-key"))) {
            assertThatThrownBy(() -> other.balances().join()).cause().isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> client.queryOrder("ETH", "never-sent").join()).cause()
                .isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void theAccountFeedsDeliverOrdersAndFillsUnderTheCallersIds() {
        List<Order> orders = new CopyOnWriteArrayList<>();
        List<Fill> fills = new CopyOnWriteArrayList<>();
        try (var subscription = client.subscribeOrders(new OrderEventListener() {
            @Override
            public void onOrder(Order order) {
                orders.add(order);
            }

            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
            }
        })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(client.userStreamConnected())
                    && fixture.fake.tradesServer().openSessions().size() == 1 && fixture.fake.tradesServer()
                            .openSessions().get(0).attributes().keySet().containsAll(List.of("v1.order", "v1.fill")));
            client.submitOrder(OrderRequest.market("gr-feed-1", "BTC", Side.BUY, new BigDecimal("0.01"), false)).join();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(orders).anySatisfy(o -> assertThat(o.clientOrderId()).isEqualTo("gr-feed-1"));
                assertThat(fills).anySatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("gr-feed-1"));
            });
        }
    }

    private BigDecimal farBid(String symbol) {
        return fixture.sim.exchange().book(symbol, 1).bids().get(0).price().multiply(new BigDecimal("0.9"))
                .setScale(1, RoundingMode.DOWN);
    }
}
