package dev.perpflow.component.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.component.lighter.client.LighterErrors;
import dev.perpflow.component.lighter.client.LighterRestApi;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeServerFaults;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lighter's error answers as typed errors: a refused nonce (21104) is a rejection the client resyncs on, a key the venue
 * does not know (21108) or a bad signature an authentication error, margin a margin error, 429 a rate limit with its
 * Retry-After, and a 5xx or a timeout after a sendTx an unknown outcome (never retried) while the same on a read is an
 * unavailable venue.
 */
class LighterErrorMappingTest {

    private final LighterErrors errors = new LighterErrors("lighter", LighterRestApi.newLighterMapper());

    private ExchangeException decode(String path, String clientOrderId, int status, String body) {
        VenueRequest request = new VenueRequest("POST", path, "", "", null, Map.of(), 1, clientOrderId);
        return errors.decode(request, new VenueResponse(status, Map.of(), body));
    }

    @Test
    void venueCodesAndMessagesMapToTypedErrors() {
        assertThat(decode("/api/v1/sendTx", "c1", 400, "{\"code\":21104,\"message\":\"invalid nonce\"}"))
                .isInstanceOf(LighterErrors.NonceRejected.class).isInstanceOf(OrderRejectedException.class);
        assertThat(decode("/api/v1/sendTx", "c1", 400, "{\"code\":21108,\"message\":\"invalid PublicKey, please run"
                + " changePubKey\"}")).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("LIGHTER_API_KEY_PRIVATE_KEY");
        assertThat(decode("/api/v1/sendTx", "c1", 400, "{\"code\":21120,\"message\":\"invalid signature\"}"))
                .isInstanceOf(AuthenticationException.class);
        assertThat(decode("/api/v1/sendTx", "c1", 400, "{\"code\":21700,\"message\":\"not enough margin\"}"))
                .isInstanceOf(InsufficientMarginException.class);
        assertThat(decode("/api/v1/sendTx", "c1", 400, "{\"code\":21999,\"message\":\"price out of band\"}"))
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining("price out of band");
        assertThat(decode("/api/v1/accountActiveOrders", null, 400, "{\"code\":20013,\"message\":\"invalid auth\"}"))
                .isInstanceOf(AuthenticationException.class);
        assertThat(decode("/api/v1/orderBookDetails", null, 400, "{\"code\":23000,\"message\":\"Too Many Requests\"}"))
                .isInstanceOf(RateLimitedException.class);
        assertThat(decode("/api/v1/orderBookDetails", null, 400, "<html>bad gateway</html>"))
                .isExactlyInstanceOf(ExchangeException.class);
    }

    @Test
    void transportFailuresAfterASendTxAreUnknownOutcomesAndOnReadsTheVenueIsUnavailable() {
        try (LighterFixture lighter = LighterFixture.withCredentials()) {
            lighter.client.instruments().join();
            lighter.fake.server().faults().answerNext(1, FakeServerFaults.on("POST", "/api/v1/sendTx"),
                    FakeResponse.json(502, "<html>bad gateway</html>"));
            assertThatThrownBy(() -> lighter.client.submitOrder(OrderRequest.market("u-1", "ETH", Side.BUY,
                    new BigDecimal("0.1"), false)).join()).hasCauseInstanceOf(UnknownOutcomeException.class);
            assertThat(lighter.client.restApi().nonces().isReady()).as("nonce resynced after an unknown outcome")
                    .isFalse();

            lighter.fake.server().faults().answerNext(1, FakeServerFaults.on("GET", "/api/v1/funding-rates"),
                    FakeResponse.json(503, "maintenance"));
            assertThatThrownBy(() -> lighter.client.fundingRates().join())
                    .hasCauseInstanceOf(VenueUnavailableException.class);

            lighter.fake.server().faults().answerNext(1, FakeServerFaults.on("GET", "/api/v1/orderBookDetails"),
                    FakeResponse.json(429, "{\"code\":23000,\"message\":\"Too Many Requests\"}")
                            .withHeader("Retry-After", "2"));
            assertThatThrownBy(() -> lighter.client.marketStats().join()).hasCauseInstanceOf(RateLimitedException.class)
                    .satisfies(e -> assertThat(((RateLimitedException) e.getCause()).retryAfter())
                            .isEqualTo(Duration.ofSeconds(2)));
            int sent = lighter.fake.server().requests().size();
            assertThatThrownBy(() -> lighter.client.fundingRates().join())
                    .hasCauseInstanceOf(RateLimitedException.class);
            assertThat(lighter.fake.server().requests()).as("nothing sent inside Retry-After").hasSize(sent);
        }
    }
}
