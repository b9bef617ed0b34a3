package dev.perpflow.component.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeServerFaults;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's known failure: Lighter in maintenance answers HTTP 503 to {@code nextNonce} when the bot connects, and the
 * whole bot died. Here the client starts anyway with the venue marked down, public data still works, a submit fails
 * at once as unavailable without anything sent, and the nonce is fetched again with backoff until the venue is back.
 */
class LighterMaintenanceTest {

    private LighterFixture lighter;

    @AfterEach
    void close() {
        lighter.close();
    }

    @Test
    void aNonceFetchAnswered503NeverAbortsStartupAndTradingResumesWhenTheVenueIsBack() {
        lighter = LighterFixture.withCredentials(fake -> fake.server().faults().answerNext(2,
                FakeServerFaults.on("GET", "/api/v1/nextNonce"),
                FakeResponse.json(503, "<html>503 Service Temporarily Unavailable</html>")));

        await().atMost(Duration.ofSeconds(5)).until(() -> lighter.client.restApi().nonces().isDown());
        assertThat(lighter.client.isTradingAvailable()).isFalse();
        assertThat(lighter.client.fundingRates().join()).isNotEmpty(); // the rest of the venue still answers
        assertThatThrownBy(() -> lighter.client.submitOrder(OrderRequest.market("m-1", "ETH", Side.BUY,
                new BigDecimal("0.1"), false)).join()).hasCauseInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("marked down");
        assertThat(lighter.fake.server().requests()).noneMatch(r -> r.path().equals("/api/v1/sendTx"));

        // retried in the background (1 s, then 2 s): the third fetch gets through
        await().atMost(Duration.ofSeconds(10)).until(lighter.client::isTradingAvailable);
        Order order = lighter.client.submitOrder(OrderRequest.market("m-2", "ETH", Side.BUY, new BigDecimal("0.1"),
                false)).join();
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(lighter.fake.server().requests().stream().filter(r -> r.path().equals("/api/v1/nextNonce")))
                .hasSize(3);
    }
}
