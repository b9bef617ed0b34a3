package dev.perpflow.component.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
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

/**
 * Trading on the fake Lighter: orders are Schnorr-signed transactions the fake verifies with the account's public
 * key; market orders fill, resting limits rest and cancel, the account's positions, collateral and fills are read
 * back; a tampered or foreign signature is refused and a nonce used elsewhere is resynced.
 */
class LighterTradingTest {

    private LighterFixture lighter;

    @AfterEach
    void close() {
        if (lighter != null) {
            lighter.close();
        }
    }

    @Test
    void aMarketOrderFillsAndShowsInPositionsBalancesAndFills() {
        lighter = LighterFixture.withCredentials();
        Instant before = Instant.now().minusSeconds(5);
        Order filled = lighter.client.submitOrder(OrderRequest.market("mkt-1", "ETH", Side.BUY,
                new BigDecimal("0.5"), false)).join();

        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.clientOrderId()).isEqualTo("mkt-1");
        assertThat(filled.filledQuantity()).isEqualByComparingTo("0.5");
        assertThat(filled.type()).isEqualTo(dev.perpflow.exchange.model.OrderType.MARKET);
        List<Position> positions = lighter.client.positions().join();
        assertThat(positions).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("ETH");
            assertThat(p.quantity()).isEqualByComparingTo("0.5");
        });
        List<Fill> fills = lighter.client.fillsSince(before).join();
        assertThat(fills).isNotEmpty().allSatisfy(f -> {
            assertThat(f.clientOrderId()).isEqualTo("mkt-1");
            assertThat(f.side()).isEqualTo(Side.BUY);
            assertThat(f.fee()).isEqualByComparingTo("0");
        });
        Balance balance = lighter.client.balances().join().get(0);
        assertThat(balance.asset()).isEqualTo("USDC");
        assertThat(balance.available()).isPositive();
        // the transaction went out signed, as a form, and the venue consumed its nonce
        FakeRequest sent = lighter.fake.server().requests().stream().filter(r -> r.path().equals("/api/v1/sendTx"))
                .findFirst().orElseThrow();
        assertThat(sent.bodyText()).startsWith("tx_type=14&tx_info=");
        assertThat(lighter.fake.nextNonce(LighterTestKeys.API_KEY_INDEX)).isEqualTo(1);
    }

    @Test
    void aRestingLimitIsQueriedListedAndCancelled() {
        lighter = LighterFixture.withCredentials();
        BigDecimal far = lighter.sim.exchange().book("SOL", 1).bids().get(0).price().multiply(new BigDecimal("0.8"))
                .setScale(2, java.math.RoundingMode.DOWN);
        Order resting = lighter.client.submitOrder(OrderRequest.limit("lmt-1", "SOL", Side.BUY, BigDecimal.ONE, far,
                TimeInForce.GTC)).join();
        assertThat(resting.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(resting.price()).isEqualByComparingTo(far);

        assertThat(lighter.client.queryOrder("SOL", "lmt-1").join().venueOrderId()).isEqualTo(resting.venueOrderId());
        assertThat(lighter.client.openOrders(null).join()).extracting(Order::clientOrderId).containsExactly("lmt-1");
        Order cancelled = lighter.client.cancelOrder("SOL", "lmt-1").join();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(lighter.client.openOrders("SOL").join()).isEmpty();
        assertThat(lighter.client.queryOrder("SOL", "lmt-1").join().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void refusalsOfTheSequencerAreRejectionsAndUnknownOrdersAreNotFound() {
        lighter = LighterFixture.withCredentials();
        BigDecimal ask = lighter.sim.exchange().book("ETH", 1).asks().get(0).price();
        assertThatThrownBy(() -> lighter.client.submitOrder(OrderRequest.limit("po-1", "ETH", Side.BUY,
                new BigDecimal("0.1"), ask, TimeInForce.POST_ONLY)).join())
                .hasCauseInstanceOf(OrderRejectedException.class).hasMessageContaining("canceled-post-only");
        assertThatThrownBy(() -> lighter.client.submitOrder(OrderRequest.market("big-1", "BTC", Side.BUY,
                new BigDecimal("500"), false)).join()).hasCauseInstanceOf(InsufficientMarginException.class);
        assertThatThrownBy(() -> lighter.client.queryOrder("ETH", "never-sent").join())
                .hasCauseInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() -> lighter.client.submitOrder(OrderRequest.market("x", "NOPE", Side.BUY,
                BigDecimal.ONE, false)).join()).hasCauseInstanceOf(MarketNotFoundException.class);
        assertThatThrownBy(() -> lighter.client.submitOrder(OrderRequest.limit("off-grid", "ETH", Side.BUY,
                new BigDecimal("0.12345"), ask, TimeInForce.GTC)).join())
                .hasCauseInstanceOf(OrderRejectedException.class).hasMessageContaining("not a multiple");
    }

    @Test
    void aTransactionSignedWithAnotherKeyIsRefusedAndNothingHappens() {
        lighter = LighterFixture.withCredentials(LighterCredentials.of(LighterTestKeys.OTHER, LighterTestKeys.ACCOUNT,
                LighterTestKeys.API_KEY_INDEX));
        assertThatThrownBy(() -> lighter.client.submitOrder(OrderRequest.market("forged-1", "ETH", Side.BUY,
                new BigDecimal("0.1"), false)).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(AuthenticationException.class).hasMessageContaining("invalid signature");
        assertThat(lighter.sim.exchange().positions()).isEmpty();
        assertThat(lighter.fake.nextNonce(LighterTestKeys.API_KEY_INDEX)).isZero();
    }

    @Test
    void aNonceUsedByAnotherClientOfTheKeyIsResyncedAndTheOrderStillGoesThrough() {
        lighter = LighterFixture.withCredentials();
        lighter.client.submitOrder(OrderRequest.market("n-1", "ETH", Side.BUY, new BigDecimal("0.1"), false)).join();
        try (LighterExchangeClient other = lighter.newClient(LighterTestKeys.credentials())) {
            other.submitOrder(OrderRequest.market("n-2", "ETH", Side.BUY, new BigDecimal("0.1"), false)).join();
        }
        Order third = lighter.client.submitOrder(OrderRequest.market("n-3", "ETH", Side.BUY, new BigDecimal("0.1"),
                false)).join();
        assertThat(third.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(lighter.fake.nextNonce(LighterTestKeys.API_KEY_INDEX)).isEqualTo(3);
    }

    @Test
    void leverageIsSetAsTheMarketsMarginFractionWithinItsMaximum() {
        lighter = LighterFixture.withCredentials();
        assertThat(lighter.client.setLeverage("ETH", 5).join()).isEqualTo(5);
        assertThat(lighter.client.setLeverage("ETH", 500).join()).isEqualTo(20);
    }

    @Test
    void tradingWithoutCredentialsFailsNamingTheVariables() {
        lighter = LighterFixture.publicOnly();
        assertThatThrownBy(() -> lighter.client.submitOrder(OrderRequest.market("p-1", "ETH", Side.BUY,
                BigDecimal.ONE, false)).join()).hasCauseInstanceOf(AuthenticationException.class)
                .hasMessageContaining("LIGHTER_API_KEY_PRIVATE_KEY");
        assertThat(lighter.client.canTrade()).isFalse();
    }
}
