package dev.perpflow.component.edgex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.component.edgex.client.EdgexErrors;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import dev.perpflow.exchange.http.VenueRestApi;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.testkit.FakeResponse;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EdgeX's codes as typed errors, from both wrappers (an HTTP error status with {@code code}/{@code msg}, and HTTP 200
 * with a {@code code} other than {@code SUCCESS}), and HTTP-level faults of a submit through the client.
 */
class EdgexErrorMappingTest {

    private final EdgexErrors errors = new EdgexErrors("edgex", VenueRestApi.newMapper());
    private final EdgexFixture edgex = EdgexFixture.withCredentials();

    @AfterEach
    void close() {
        edgex.close();
    }

    private ExchangeException httpError(VenueRequest request, int status, String code) {
        return errors.decode(request, new VenueResponse(status, Map.of(),
                "{\"code\":\"" + code + "\",\"data\":null,\"msg\":\"m\"}"));
    }

    @Test
    void bothWrappersMapEachCodeTheSameWay() {
        VenueRequest submit = new VenueRequest("POST", "/api/v2/private/order/createOrder", "", "{}",
                "application/json", Map.of(), 1, "cid-1");
        VenueRequest query = VenueRequest.get("/api/v2/private/order/getOrderByClientOrderId", "clientOrderIdList=x");
        for (boolean http200 : new boolean[] {false, true}) {
            java.util.function.BiFunction<VenueRequest, String, ExchangeException> of = http200
                    ? (request, code) -> errors.of(request, code, "m", 200)
                    : (request, code) -> httpError(request, 400, code);
            assertThat(of.apply(submit, "INVALID_L2_SIGNATURE")).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("EDGEX_TRADING_PRIVATE_KEY");
            assertThat(of.apply(submit, "INSUFFICIENT_MARGIN")).isInstanceOf(InsufficientMarginException.class);
            assertThat(of.apply(submit, "CONTRACT_NOT_FOUND")).isInstanceOf(MarketNotFoundException.class);
            assertThat(of.apply(submit, "SYSTEM_BUSY")).isInstanceOf(UnknownOutcomeException.class);
            assertThat(of.apply(submit, "ORDER_PRICE_INVALID")).isInstanceOf(OrderRejectedException.class)
                    .hasMessageContaining("ORDER_PRICE_INVALID");
            assertThat(of.apply(submit, "REQUEST_TOO_FREQUENT")).isInstanceOf(RateLimitedException.class);
            assertThat(of.apply(query, "ORDER_NOT_EXIST")).isInstanceOf(OrderNotFoundException.class);
            assertThat(of.apply(query, "SYSTEM_BUSY")).isInstanceOf(VenueUnavailableException.class);
        }
        assertThat(httpError(query, 401, "UNKNOWN")).isInstanceOf(AuthenticationException.class);
        assertThat(errors.decode(query, new VenueResponse(403, Map.of(), "<html>forbidden</html>")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void httpLevelFaultsOfASubmitAreRateLimitsAndUnknownOutcomes() throws InterruptedException {
        edgex.client.submitOrder(OrderRequest.market("warm", "ETH", Side.BUY, new BigDecimal("0.1"), false)).join();
        edgex.fake.server().faults().answerNext(1, r -> r.path().equals("/api/v2/private/order/createOrder"),
                FakeResponse.json(429, "{\"code\":\"RATE_LIMIT\",\"data\":null,\"msg\":\"slow down\"}")
                        .withHeader("Retry-After", "1"));
        assertThat(failure(OrderRequest.market("e-429", "ETH", Side.BUY, new BigDecimal("0.1"), false)))
                .isInstanceOf(RateLimitedException.class);
        edgex.fake.server().faults().answerNext(1, r -> r.path().equals("/api/v2/private/order/createOrder"),
                FakeResponse.json(502, "bad gateway"));
        Thread.sleep(1100);
        assertThat(failure(OrderRequest.market("e-502", "ETH", Side.BUY, new BigDecimal("0.1"), false)))
                .isInstanceOf(UnknownOutcomeException.class);
    }

    private Throwable failure(OrderRequest request) {
        try {
            edgex.client.submitOrder(request).join();
            throw new AssertionError("expected a failure");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }
}
