package dev.perpflow.component.paradex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.Balance;
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
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Orders against the fake Paradex, which checks the auth and order signatures as Paradex does. */
class ParadexTradingTest {

    private final ParadexFixture paradex = ParadexFixture.withCredentials();

    @AfterEach
    void close() {
        paradex.close();
    }

    @Test
    void aSignedLimitOrderRestsIsQueriedAndCancelledByTheCallersClientId() {
        BigDecimal below = paradex.sim.exchange().book("ETH", 1).bids().get(0).price().subtract(new BigDecimal("50"));
        Order placed = paradex.client.submitOrder(OrderRequest.limit("pf-rest-1", "ETH", Side.BUY,
                new BigDecimal("0.5"), below, TimeInForce.GTC)).join();

        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(placed.clientOrderId()).isEqualTo("pf-rest-1");
        assertThat(placed.price()).isEqualByComparingTo(below);
        assertThat(paradex.sim.exchange().openOrders("ETH")).extracting(Order::clientOrderId).containsExactly("pf-rest-1");
        FakeRequest post = paradex.fake.server().requests().stream().filter(r -> r.path().equals("/v1/orders")
                && r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(post.bodyText()).contains("\"signature\":\"[\\\"").contains("\"signature_timestamp\":")
                .contains("\"client_id\":\"pf-rest-1\"").contains("\"market\":\"ETH-USD-PERP\"");
        assertThat(post.header("Authorization")).get().asString().startsWith("Bearer fake-jwt-");

        assertThat(paradex.client.queryOrder("ETH", "pf-rest-1").join().status()).isEqualTo(OrderStatus.OPEN);
        assertThat(paradex.client.openOrders(null).join()).extracting(Order::clientOrderId).containsExactly("pf-rest-1");
        Order cancelled = paradex.client.cancelOrder("ETH", "pf-rest-1").join();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(paradex.client.openOrders("ETH").join()).isEmpty();
        // cancelling again reads the final state instead of failing
        assertThat(paradex.client.cancelOrder("ETH", "pf-rest-1").join().status()).isEqualTo(OrderStatus.CANCELED);
        assertThatThrownBy(() -> paradex.client.queryOrder("ETH", "never-sent").join())
                .hasCauseInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void aMarketOrderFillsWithFillsPositionsAndBalancesReadBack() {
        Instant before = Instant.now().minusSeconds(5);
        Order filled = paradex.client.submitOrder(OrderRequest.market("pf-mkt-1", "SOL", Side.SELL,
                new BigDecimal("3"), false)).join();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledQuantity()).isEqualByComparingTo("3");

        List<Fill> fills = paradex.client.fillsSince(before).join();
        assertThat(fills).isNotEmpty().allSatisfy(f -> {
            assertThat(f.clientOrderId()).isEqualTo("pf-mkt-1");
            assertThat(f.symbol()).isEqualTo("SOL");
            assertThat(f.side()).isEqualTo(Side.SELL);
        });
        assertThat(fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("3");
        Position position = paradex.client.positions().join().get(0);
        assertThat(position.symbol()).isEqualTo("SOL");
        assertThat(position.quantity()).isEqualByComparingTo("-3");
        assertThat(position.markPrice()).isPositive();
        Balance balance = paradex.client.balances().join().get(0);
        assertThat(balance.asset()).isEqualTo("USDC");
        assertThat(balance.total()).isPositive();
        // reduce-only closes
        Order close = paradex.client.submitOrder(OrderRequest.market("pf-mkt-2", "SOL", Side.BUY,
                new BigDecimal("3"), true)).join();
        assertThat(close.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(close.reduceOnly()).isTrue();
        assertThat(paradex.client.positions().join()).isEmpty();
        assertThat(paradex.client.setLeverage("SOL", 500).join()).isBetween(1, 500);
    }

    @Test
    void aTamperedOrderSignatureIsRefusedByTheVenueAndNothingIsPlaced() {
        try (ParadexFixture wrong = ParadexFixture.withWrongKey()) {
            assertThatThrownBy(() -> wrong.client.submitOrder(OrderRequest.market("pf-bad", "ETH", Side.BUY,
                    new BigDecimal("0.1"), false)).join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(AuthenticationException.class);
            assertThat(wrong.sim.exchange().openOrders(null)).isEmpty();
            assertThat(wrong.sim.exchange().positions()).isEmpty();
        }
    }

    @Test
    void anExpiredJwtIsReplacedAndTheCallGoesThrough() {
        paradex.client.balances().join();
        int auths = paradex.fake.authCount();
        paradex.fake.expireTokens();
        // the first call after expiry is refused and forgets the token; the next one authenticates again
        assertThatThrownBy(() -> paradex.client.balances().join()).hasCauseInstanceOf(AuthenticationException.class);
        assertThat(paradex.client.balances().join()).hasSize(1);
        assertThat(paradex.fake.authCount()).isEqualTo(auths + 1);
    }

    @Test
    void aRefusedOrderIsARejectionThatSaysWhy() {
        assertThatThrownBy(() -> paradex.client.submitOrder(OrderRequest.market("pf-big", "BTC", Side.BUY,
                new BigDecimal("100000"), false)).join()).hasCauseInstanceOf(OrderRejectedException.class);
        assertThatThrownBy(() -> paradex.client.submitOrder(OrderRequest.market("pf-ro", "BTC", Side.BUY,
                new BigDecimal("0.01"), true)).join()).hasCauseInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("reduce-only");
    }

    @Test
    void withoutCredentialsTradingFailsNamingTheVariables() {
        try (ParadexFixture publicOnly = ParadexFixture.publicOnly()) {
            assertThat(publicOnly.client.canTrade()).isFalse();
            assertThatThrownBy(() -> publicOnly.client.balances().join())
                    .hasCauseInstanceOf(AuthenticationException.class).hasMessageContaining("PARADEX_L2_PRIVATE_KEY");
        }
    }
}
