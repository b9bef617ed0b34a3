package dev.perpflow.component.aster;

import static dev.perpflow.component.aster.AsterTradingTest.join;
import static dev.perpflow.testkit.FakeServerFaults.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.testkit.FakeResponse;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsterErrorMappingTest {

    private final AsterFixture aster = AsterFixture.withCredentials();

    @AfterEach
    void close() {
        aster.close();
    }

    @Test
    void wrongSecretIsAnAuthenticationErrorAndPlacesNothing() {
        try (AsterFixture wrong = AsterFixture.withCredentials(AsterFixture.API_KEY, "not-the-secret")) {
            assertThatThrownBy(() -> join(wrong.client.submitOrder(market("pf-bad-sig"))))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("-1022");
            assertThatThrownBy(() -> join(wrong.client.positions()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("Signature")
                    .hasMessageNotContaining("not-the-secret");
            assertThat(wrong.sim.exchange().openOrders(null)).isEmpty();
            assertThat(wrong.sim.exchange().positions()).isEmpty();
        }
    }

    @Test
    void unknownApiKeyIsAnAuthenticationError() {
        try (AsterFixture wrong = AsterFixture.withCredentials("someone-elses-key", AsterFixture.SECRET)) {
            assertThatThrownBy(() -> join(wrong.client.balances()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("-2015");
        }
    }

    @Test
    void insufficientMarginIsTyped() {
        assertThatThrownBy(() -> join(aster.client.submitOrder(
                OrderRequest.market("pf-too-big", "BTC", Side.BUY, new BigDecimal("500"), false))))
                .isInstanceOf(InsufficientMarginException.class);
    }

    @Test
    void unknownMarketIsTyped() {
        assertThatThrownBy(() -> join(aster.client.bbo("DOGE"))).isInstanceOf(MarketNotFoundException.class);
    }

    @Test
    void unknownOrderIsTyped() {
        assertThatThrownBy(() -> join(aster.client.queryOrder("ETH", "never-sent")))
                .isInstanceOf(OrderNotFoundException.class).hasMessageContaining("never-sent");
    }

    @Test
    void rateLimitCarriesTheVenuesRetryAfter() {
        aster.fake.server().faults().answerNext(1, on("GET", "/fapi/v2/balance"),
                FakeResponse.json(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}").withHeader("Retry-After", "7"));

        assertThatThrownBy(() -> join(aster.client.balances()))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void ipBanIsARateLimitToo() {
        aster.fake.server().faults().answerNext(1, on("GET", "/fapi/v1/premiumIndex"),
                FakeResponse.json(418, "{\"code\":-1003,\"msg\":\"banned\"}").withHeader("Retry-After", "120"));

        assertThatThrownBy(() -> join(aster.client.fundingRates())).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void serverErrorOnSubmitIsAnUnknownOutcomeNotARejection() {
        aster.fake.server().faults().answerNext(1, on("POST", "/fapi/v1/order"),
                FakeResponse.json(503, "{\"code\":-1000,\"msg\":\"Unknown error, please check your request or try again later.\"}"));

        assertThatThrownBy(() -> join(aster.client.submitOrder(market("pf-5xx"))))
                .isInstanceOfSatisfying(UnknownOutcomeException.class,
                        e -> assertThat(e.clientOrderId()).isEqualTo("pf-5xx"));
    }

    @Test
    void executionStatusUnknownCodesOnAClientErrorStatusAreUnknownOutcomesNotRejections() {
        // Binance-family -1006 (unexpected response from the message bus) and -1007 (timeout waiting for the
        // backend): "execution status unknown", whatever the HTTP status says
        aster.fake.server().faults()
                .answerNext(1, on("POST", "/fapi/v1/order"), FakeResponse.json(400,
                        "{\"code\":-1006,\"msg\":\"An unexpected response was received from the message bus."
                                + " Execution status unknown.\"}"))
                .answerNext(1, on("POST", "/fapi/v1/order"), FakeResponse.json(408,
                        "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. Send status"
                                + " unknown; execution status unknown.\"}"));

        assertThatThrownBy(() -> join(aster.client.submitOrder(market("pf-1006"))))
                .isInstanceOfSatisfying(UnknownOutcomeException.class,
                        e -> assertThat(e.clientOrderId()).isEqualTo("pf-1006"));
        assertThatThrownBy(() -> join(aster.client.submitOrder(market("pf-1007"))))
                .isInstanceOfSatisfying(UnknownOutcomeException.class,
                        e -> assertThat(e.clientOrderId()).isEqualTo("pf-1007"));
    }

    @Test
    void executionStatusUnknownOnAReadIsVenueUnavailable() {
        aster.fake.server().faults().answerNext(1, on("GET", "/fapi/v2/balance"), FakeResponse.json(400,
                "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server.\"}"));

        assertThatThrownBy(() -> join(aster.client.balances())).isInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("-1007");
    }

    @Test
    void timeoutAfterTheVenueAcceptedIsUnknownAndTheQueryFindsTheOrder() {
        aster.client.instruments().join(); // markets cached, so the submit is the request withheld
        aster.fake.server().faults().withholdResponseNext(on("POST", "/fapi/v1/order"));

        assertThatThrownBy(() -> join(aster.client.submitOrder(market("pf-timeout"))))
                .isInstanceOf(UnknownOutcomeException.class);

        assertThat(join(aster.client.queryOrder("ETH", "pf-timeout")).status()).isEqualTo(OrderStatus.FILLED);
        long submits = aster.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/fapi/v1/order")).count();
        assertThat(submits).as("never resubmitted").isEqualTo(1);
    }

    @Test
    void serverErrorOnReadsIsVenueUnavailable() {
        aster.fake.server().faults().answerNext(1, on("GET", "/fapi/v2/positionRisk"),
                FakeResponse.json(502, "<html>Bad Gateway</html>"));

        assertThatThrownBy(() -> join(aster.client.positions())).isInstanceOf(VenueUnavailableException.class)
                .hasMessageContaining("502");
    }

    @Test
    void unreachableVenueIsVenueUnavailable() {
        AsterExchangeClient offline = new AsterExchangeClient(AsterConfiguration.of(java.net.URI.create("http://127.0.0.1:1"),
                java.net.URI.create("ws://127.0.0.1:1"), null));
        try {
            assertThatThrownBy(() -> join(offline.fundingRates())).isInstanceOf(VenueUnavailableException.class);
        } finally {
            offline.close();
        }
    }

    private static OrderRequest market(String clientId) {
        return OrderRequest.market(clientId, "ETH", Side.BUY, BigDecimal.ONE, false);
    }
}
