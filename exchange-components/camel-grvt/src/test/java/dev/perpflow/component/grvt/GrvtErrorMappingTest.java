package dev.perpflow.component.grvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeServerFaults;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GRVT's error codes, as the fake answers them, become the typed errors the execution core relies on. */
class GrvtErrorMappingTest {

    private final GrvtFixture fixture = new GrvtFixture();
    private final GrvtExchangeClient client = fixture.client();

    @AfterEach
    void close() {
        client.close();
        fixture.close();
    }

    @Test
    void marginSizeAndPostOnlyRefusals() {
        assertThatThrownBy(() -> client.submitOrder(OrderRequest.market("gr-big-1", "BTC", Side.BUY,
                new BigDecimal("100"), false)).join()).cause().isInstanceOf(InsufficientMarginException.class);
        assertThatThrownBy(() -> client.submitOrder(OrderRequest.limit("gr-gran-1", "ETH", Side.BUY,
                new BigDecimal("0.0001"), bid().subtract(BigDecimal.TEN), TimeInForce.GTC)).join()).cause()
                .isInstanceOf(OrderRejectedException.class);
        BigDecimal ask = fixture.sim.exchange().book("ETH", 1).asks().get(0).price();
        Order crossing = client.submitOrder(OrderRequest.limit("gr-alo-1", "ETH", Side.BUY, new BigDecimal("0.5"),
                ask.add(BigDecimal.ONE), TimeInForce.POST_ONLY)).join();
        assertThat(crossing.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(crossing.rejectReason()).isEqualTo("FAIL_POST_ONLY");
    }

    @Test
    void aRateLimitedSubmitIsRateLimitedAndHoldsTheNextRequest() {
        fixture.fake.tradesServer().faults().answerNext(1, FakeServerFaults.on("POST", "/full/v1/create_order"),
                FakeResponse.json(429, "{\"code\":1006,\"message\":\"You have surpassed the allocated rate limit for"
                        + " your tier\",\"status\":429}"));
        assertThatThrownBy(() -> client.submitOrder(order("gr-429-1")).join()).cause()
                .isInstanceOf(RateLimitedException.class);
        // the venue's answer holds the budget: the next request is refused here, not sent
        assertThatThrownBy(() -> client.submitOrder(order("gr-429-2")).join()).cause()
                .isInstanceOf(RateLimitedException.class);
        assertThat(fixture.fake.tradesServer().requests().stream()
                .filter(r -> r.path().equals("/full/v1/create_order")).count()).isEqualTo(1);
    }

    @Test
    void aServerErrorAfterASubmitIsAnUnknownOutcome() {
        fixture.fake.tradesServer().faults().answerNext(1, FakeServerFaults.on("POST", "/full/v1/create_order"),
                FakeResponse.json(500, "{\"code\":1002,\"message\":\"Internal Server Error\",\"status\":500}"));
        assertThatThrownBy(() -> client.submitOrder(order("gr-500-1")).join()).cause()
                .isInstanceOf(UnknownOutcomeException.class);
    }

    @Test
    void aSessionRefusedAgainAfterANewLoginIsAnAuthenticationError() {
        client.balances().join();
        fixture.fake.tradesServer().faults().answerNext(2, FakeServerFaults.on("POST", "/full/v1/account_summary"),
                FakeResponse.json(401, "{\"code\":1000,\"message\":\"You need to authenticate prior to using this"
                        + " functionality\",\"status\":401}"));
        assertThatThrownBy(() -> client.balances().join()).cause().isInstanceOf(AuthenticationException.class);
        assertThat(client.restApi().session().logins()).isEqualTo(2);
    }

    private BigDecimal bid() {
        return fixture.sim.exchange().book("ETH", 1).bids().get(0).price();
    }

    private OrderRequest order(String id) {
        return OrderRequest.limit(id, "ETH", Side.BUY, new BigDecimal("0.5"), bid().multiply(new BigDecimal("0.9"))
                .setScale(1, RoundingMode.DOWN), TimeInForce.GTC);
    }
}
