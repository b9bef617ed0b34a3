package dev.perpflow.component.hyperliquid;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeServerFaults;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hyperliquid's answers, as the fake sends them, become the typed errors the execution core relies on. */
class HyperliquidErrorMappingTest {

    private final HyperliquidFixture fixture = new HyperliquidFixture();
    private final HyperliquidExchangeClient client = fixture.agentClient();

    @AfterEach
    void close() {
        client.close();
        fixture.close();
    }

    @Test
    void anOrderBeyondTheMarginIsInsufficientMargin() {
        assertThatThrownBy(() -> client.submitOrder(OrderRequest.market("hl-big-1", "BTC", Side.BUY,
                new BigDecimal("100"), false)).join()).cause().isInstanceOf(InsufficientMarginException.class);
    }

    @Test
    void theAddressBudgetAnd429AreRateLimits() {
        fixture.fake.server().faults().answerNext(1, FakeServerFaults.on("POST", "/exchange"), FakeResponse.ok(
                "{\"status\":\"err\",\"response\":\"Too many cumulative requests sent (10240 > 10000) for cumulative"
                        + " volume traded $0.0. Place taker orders to free up 1 request per USDC traded.\"}"));
        assertThatThrownBy(() -> client.setLeverage("ETH", 2).join()).cause().isInstanceOf(RateLimitedException.class);
        fixture.fake.server().faults().answerNext(1, FakeServerFaults.on("POST", "/info"),
                FakeResponse.json(429, "null").withHeader("Retry-After", "1"));
        assertThatThrownBy(() -> client.balances().join()).cause().isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aSubmitWithoutAnswerIsAnUnknownOutcomeAndAReadIsUnavailable() {
        fixture.fake.server().faults().answerNext(1, FakeServerFaults.on("POST", "/exchange"),
                FakeResponse.json(502, "bad gateway"));
        assertThatThrownBy(() -> client.submitOrder(order("hl-502-1")).join()).cause()
                .isInstanceOf(UnknownOutcomeException.class);
        fixture.fake.server().faults().withholdResponseNext(FakeServerFaults.on("POST", "/exchange"));
        assertThatThrownBy(() -> client.submitOrder(order("hl-timeout-1")).join()).cause()
                .isInstanceOf(UnknownOutcomeException.class);
        fixture.fake.server().faults().answerNext(1, FakeServerFaults.on("POST", "/info"),
                FakeResponse.json(503, "unavailable"));
        assertThatThrownBy(() -> client.balances().join()).cause().isInstanceOf(VenueUnavailableException.class);
    }

    @Test
    void cancellingAnOrderTheVenueNeverHadIsNotFound() {
        assertThatThrownBy(() -> client.cancelOrder("ETH", "hl-never-1").join()).cause()
                .isInstanceOf(OrderNotFoundException.class);
    }

    private OrderRequest order(String id) {
        BigDecimal far = fixture.sim.exchange().book("ETH", 1).bids().get(0).price().multiply(new BigDecimal("0.9"))
                .setScale(1, RoundingMode.DOWN);
        return OrderRequest.limit(id, "ETH", Side.BUY, new BigDecimal("0.5"), far, TimeInForce.GTC);
    }
}
