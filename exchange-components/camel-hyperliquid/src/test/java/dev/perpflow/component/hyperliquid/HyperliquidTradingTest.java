package dev.perpflow.component.hyperliquid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
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
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trading against the fake Hyperliquid, which recovers the signer of every action and takes only the account or its
 * API wallet: orders by cloid (rest, fill, query, cancel), prices held to the venue's rule, post-only refusals,
 * positions, balances, fills with the caller's ids, leverage; a key the account never approved is refused.
 */
class HyperliquidTradingTest {

    private final HyperliquidFixture fixture = new HyperliquidFixture();
    private final HyperliquidExchangeClient client = fixture.agentClient();

    @AfterEach
    void close() {
        client.close();
        fixture.close();
    }

    @Test
    void aRestingOrderIsPlacedFoundByItsClientIdAndCancelled() {
        BigDecimal bid = fixture.sim.exchange().book("ETH", 1).bids().get(0).price();
        BigDecimal far = bid.multiply(new BigDecimal("0.9")).setScale(1, RoundingMode.DOWN);

        Order placed = client.submitOrder(OrderRequest.limit("hl-rest-1", "ETH", Side.BUY, new BigDecimal("0.5"), far,
                TimeInForce.GTC)).join();
        Order found = client.queryOrder("ETH", "hl-rest-1").join();
        List<Order> open = client.openOrders("ETH").join();
        Order cancelled = client.cancelOrder("ETH", "hl-rest-1").join();

        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(found.venueOrderId()).isEqualTo(placed.venueOrderId());
        assertThat(found.clientOrderId()).isEqualTo("hl-rest-1");
        assertThat(open).extracting(Order::clientOrderId).containsExactly("hl-rest-1");
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(fixture.sim.exchange().openOrders(null)).isEmpty();
        FakeRequest submit = fixture.fake.server().requests().stream()
                .filter(r -> r.path().equals("/exchange")).findFirst().orElseThrow();
        assertThat(submit.bodyText()).contains("\"c\":\"" + HyperliquidClientIds.cloid("hl-rest-1") + "\"")
                .contains("\"tif\":\"Gtc\"").contains("\"vaultAddress\":null");
    }

    @Test
    void aMarketOrderFillsAndItsFillAndPositionAreReported() {
        Instant before = Instant.now().minusSeconds(5);
        Order filled = client.submitOrder(OrderRequest.market("hl-mkt-1", "ETH", Side.BUY, new BigDecimal("0.2"),
                false)).join();

        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledQuantity()).isEqualByComparingTo("0.2");
        List<Fill> fills = client.fillsSince(before).join();
        assertThat(fills).isNotEmpty().allSatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("hl-mkt-1"));
        assertThat(client.positions().join()).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("ETH");
            assertThat(p.quantity()).isEqualByComparingTo("0.2");
        });
        assertThat(client.balances().join()).singleElement().satisfies(b -> assertThat(b.asset()).isEqualTo("USDC"));
    }

    @Test
    void aPriceWithTooManySignificantFiguresIsRoundedAwayFromTheBookBeforeSigning() {
        BigDecimal bid = fixture.sim.exchange().book("BTC", 1).bids().get(0).price();
        // BTC trades above 10000: an integer price at most, whatever the tick the caller used
        Order placed = client.submitOrder(OrderRequest.limit("hl-px-1", "BTC", Side.BUY, new BigDecimal("0.01"),
                bid.subtract(new BigDecimal("500.7")), TimeInForce.GTC)).join();

        assertThat(placed.price().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
        assertThat(placed.price()).isLessThanOrEqualTo(bid.subtract(new BigDecimal("500.7")));
        client.cancelOrder("BTC", "hl-px-1").join();
    }

    @Test
    void aPostOnlyOrderThatWouldCrossIsRejected() {
        BigDecimal ask = fixture.sim.exchange().book("ETH", 1).asks().get(0).price();
        assertThatThrownBy(() -> client.submitOrder(OrderRequest.limit("hl-alo-1", "ETH", Side.BUY,
                new BigDecimal("0.5"), ask.add(BigDecimal.ONE), TimeInForce.POST_ONLY)).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("Post only");
    }

    @Test
    void anUnknownOrderIsNotFoundAndLeverageIsApplied() {
        assertThatThrownBy(() -> client.queryOrder("ETH", "never-sent").join()).cause()
                .isInstanceOf(OrderNotFoundException.class);
        assertThat(client.setLeverage("ETH", 3).join()).isEqualTo(3);
    }

    @Test
    void theAccountsOwnKeyTradesTooAndAKeyItNeverApprovedIsRefused() {
        try (HyperliquidExchangeClient own = fixture.client(HyperliquidCredentials.of(HyperliquidFixture.ACCOUNT_KEY,
                null))) {
            assertThat(own.setLeverage("ETH", 2).join()).isEqualTo(2);
        }
        String stranger = "0x" + "7".repeat(64);
        try (HyperliquidExchangeClient other = fixture.client(HyperliquidCredentials.of(stranger,
                HyperliquidFixture.ACCOUNT))) {
            assertThatThrownBy(() -> other.setLeverage("ETH", 2).join()).cause()
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining(EthPrivateKey.of(Secret.of(stranger)).address().toLowerCase());
        }
    }

    @Test
    void ordersFromTheStreamCarryTheCallersClientId() {
        java.util.List<Order> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var subscription = client.subscribeOrders(new dev.perpflow.exchange.OrderEventListener() {
            @Override
            public void onOrder(Order order) {
                seen.add(order);
            }

            @Override
            public void onFill(Fill fill) {
            }
        })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> fixture.fake.server().openSessions().size() == 1
                    && client.userStreamConnected());
            BigDecimal far = fixture.sim.exchange().book("ETH", 1).bids().get(0).price()
                    .multiply(new BigDecimal("0.9")).setScale(1, RoundingMode.DOWN);
            client.submitOrder(OrderRequest.limit("hl-stream-1", "ETH", Side.BUY, new BigDecimal("0.5"), far,
                    TimeInForce.GTC)).join();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen)
                    .anySatisfy(o -> assertThat(o.clientOrderId()).isEqualTo("hl-stream-1")));
        }
    }
}
