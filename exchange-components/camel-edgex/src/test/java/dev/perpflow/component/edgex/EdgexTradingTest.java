package dev.perpflow.component.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Orders against the fake EdgeX v2, which checks the request HMAC and each order's EIP-712 signature as the venue
 * does; both of EdgeX's error forms (an HTTP error with the wrapper, HTTP 200 with an error code) become typed errors.
 */
class EdgexTradingTest {

    private final EdgexFixture edgex = EdgexFixture.withCredentials();

    @AfterEach
    void close() {
        edgex.close();
    }

    @Test
    void aSignedLimitOrderRestsIsQueriedAndCancelledByClientOrderId() {
        BigDecimal below = edgex.sim.exchange().book("ETH", 1).bids().get(0).price().subtract(new BigDecimal("50"));
        Order placed = edgex.client.submitOrder(OrderRequest.limit("ex-rest-1", "ETH", Side.BUY, new BigDecimal("0.5"),
                below, TimeInForce.GTC)).join();
        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(placed.clientOrderId()).isEqualTo("ex-rest-1");
        FakeRequest create = edgex.fake.server().requests().stream()
                .filter(r -> r.path().endsWith("/createOrder")).findFirst().orElseThrow();
        assertThat(create.bodyText()).contains("\"l2Signature\":\"").contains("\"l2Nonce\":\"")
                .contains("\"timeInForce\":\"GOOD_TIL_CANCEL\"").contains("\"contractId\":\"" + edgex.fake.contractId("ETH"));
        assertThat(create.header("X-edgeX-Signature")).get().asString().hasSize(64);

        assertThat(edgex.client.openOrders(null).join()).extracting(Order::clientOrderId).containsExactly("ex-rest-1");
        assertThat(edgex.client.cancelOrder("ETH", "ex-rest-1").join().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(edgex.client.openOrders("ETH").join()).isEmpty();
        assertThatThrownBy(() -> edgex.client.queryOrder("ETH", "never").join())
                .hasCauseInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void aMarketOrderFillsAndItsFillsPositionAndBalanceAreReadBack() {
        Instant before = Instant.now().minusSeconds(5);
        Order filled = edgex.client.submitOrder(OrderRequest.market("ex-mkt-1", "ETH", Side.BUY, new BigDecimal("0.4"),
                false)).join();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledQuantity()).isEqualByComparingTo("0.4");
        assertThat(filled.averagePrice()).isPositive();
        List<Fill> fills = edgex.client.fillsSince(before).join();
        assertThat(fills).isNotEmpty().allSatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("ex-mkt-1"));
        Position position = edgex.client.positions().join().get(0);
        assertThat(position.symbol()).isEqualTo("ETH");
        assertThat(position.quantity()).isEqualByComparingTo("0.4");
        assertThat(position.entryPrice()).isPositive();
        assertThat(edgex.client.balances().join().get(0).asset()).isEqualTo("USDT");
        Order sold = edgex.client.submitOrder(OrderRequest.market("ex-mkt-2", "ETH", Side.SELL, new BigDecimal("0.4"),
                true)).join();
        assertThat(sold.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(edgex.client.positions().join()).isEmpty();
        assertThat(edgex.client.setLeverage("ETH", 3).join()).isEqualTo(3);
    }

    @Test
    void aTamperedOrderSignatureIsRefusedInAnHttp200WrapperAndNothingIsPlaced() {
        try (EdgexFixture wrong = EdgexFixture.withCredentials(EdgexFixture.credentials(EdgexFixture.SECRET,
                EdgexFixture.OTHER_KEY))) {
            assertThatThrownBy(() -> wrong.client.submitOrder(OrderRequest.market("ex-bad", "ETH", Side.BUY,
                    new BigDecimal("0.1"), false)).join()).hasCauseInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("INVALID_L2_SIGNATURE");
            assertThat(wrong.sim.exchange().positions()).isEmpty();
        }
    }

    @Test
    void aWrongApiSecretIsRefusedWithAnHttpErrorWrapper() {
        try (EdgexFixture wrong = EdgexFixture.withCredentials(EdgexFixture.credentials("not-the-secret",
                EdgexFixture.TRADING_KEY))) {
            assertThatThrownBy(() -> wrong.client.balances().join()).hasCauseInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("HTTP 400 INVALID_SIGNATURE");
        }
    }

    @Test
    void venueRefusalsAreRejectionsThatSayWhy() {
        assertThatThrownBy(() -> edgex.client.submitOrder(OrderRequest.market("ex-ro", "BTC", Side.BUY,
                new BigDecimal("0.01"), true)).join()).hasCauseInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("ORDER_REJECTED");
        assertThatThrownBy(() -> edgex.client.submitOrder(OrderRequest.market("ex-big", "BTC", Side.BUY,
                new BigDecimal("100000"), false)).join()).hasCauseInstanceOf(OrderRejectedException.class);
    }

    @Test
    void withoutCredentialsTradingFailsNamingTheVariables() {
        try (EdgexFixture publicOnly = EdgexFixture.publicOnly()) {
            assertThat(publicOnly.client.canTrade()).isFalse();
            assertThatThrownBy(() -> publicOnly.client.balances().join())
                    .hasCauseInstanceOf(AuthenticationException.class).hasMessageContaining("EDGEX_TRADING_PRIVATE_KEY");
        }
    }
}
