package dev.perpflow.component.backpack;

import static dev.perpflow.component.backpack.BackpackMarketDataTest.join;
import static dev.perpflow.testkit.FakeServerFaults.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeRequest;
import dev.perpflow.testkit.FakeResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 item 4 on the fake Backpack: inside a 429's {@code Retry-After} reads are not sent but a cancel is
 * (Backpack publishes no ban escalation for order calls); an IP ban (418) holds the cancel too, for the whole
 * {@code Retry-After}.
 */
class BackpackRateBudgetTest {

    private final BackpackFixture backpack = BackpackFixture.withCredentials();

    @AfterEach
    void close() {
        backpack.close();
    }

    @Test
    void insideRetryAfterReadsAreNotSentButACancelIs() {
        Order resting = join(backpack.client.submitOrder(restingBid("pf-429-cancel")));
        backpack.fake.server().faults().answerNext(1, on("GET", "/api/v1/position"), FakeResponse.json(429,
                "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests\"}").withHeader("Retry-After", "5"));
        assertThatThrownBy(() -> join(backpack.client.positions())).isInstanceOf(RateLimitedException.class);
        int sent = backpack.fake.server().requests().size();

        assertThatThrownBy(() -> join(backpack.client.positions())).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> join(backpack.client.balances())).isInstanceOf(RateLimitedException.class);
        Order cancelled = join(backpack.client.cancelOrder("ETH", resting.clientOrderId()));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(backpack.fake.server().requests().subList(sent, backpack.fake.server().requests().size()))
                .extracting(FakeRequest::method, FakeRequest::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DELETE", "/api/v1/order"));
    }

    @Test
    void anIpBanHoldsEvenACancelForTheWholeRetryAfter() {
        Order resting = join(backpack.client.submitOrder(restingBid("pf-418-cancel")));
        backpack.fake.server().faults().answerNext(1, on("GET", "/api/v1/position"),
                FakeResponse.json(418, "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"banned\"}")
                        .withHeader("Retry-After", "1"));
        assertThatThrownBy(() -> join(backpack.client.positions())).isInstanceOf(RateLimitedException.class);
        long bannedAt = System.nanoTime();

        Order cancelled = join(backpack.client.cancelOrder("ETH", resting.clientOrderId()));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(Duration.ofNanos(System.nanoTime() - bannedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    private OrderRequest restingBid(String clientOrderId) {
        BigDecimal farBid = backpack.sim.exchange().book("ETH", 1).bids().get(0).price()
                .multiply(new BigDecimal("0.9")).setScale(1, RoundingMode.DOWN);
        return OrderRequest.limit(clientOrderId, "ETH", Side.BUY, new BigDecimal("0.1"), farBid, TimeInForce.GTC);
    }
}
