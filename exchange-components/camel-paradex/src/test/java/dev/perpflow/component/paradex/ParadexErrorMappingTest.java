package dev.perpflow.component.paradex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.component.paradex.client.ParadexErrors;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.http.VenueRestApi;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import dev.perpflow.testkit.FakeResponse;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Paradex's error codes as typed errors, decoded and through the client against scripted venue answers. */
class ParadexErrorMappingTest {

    private final ParadexErrors errors = new ParadexErrors("paradex", VenueRestApi.newMapper());
    private final ParadexFixture paradex = ParadexFixture.withCredentials();

    @AfterEach
    void close() {
        paradex.close();
    }

    private ExchangeException decode(VenueRequest request, int status, String code) {
        return errors.decode(request, new VenueResponse(status, Map.of(),
                "{\"error\":\"" + code + "\",\"message\":\"m\"}"));
    }

    @Test
    void eachCodeMeansWhatItSays() {
        VenueRequest submit = new VenueRequest("POST", "/orders", "", "{\"market\":\"ETH-USD-PERP\"}",
                "application/json", Map.of(), 1, "cid-1");
        VenueRequest query = VenueRequest.get("/orders/by_client_id/cid-2", "");
        assertThat(decode(submit, 400, "INVALID_ORDER_SIGNATURE")).isInstanceOf(AuthenticationException.class);
        assertThat(decode(submit, 400, "MARKET_NOT_FOUND")).isInstanceOf(MarketNotFoundException.class);
        assertThat(decode(submit, 400, "SYSTEM_STATUS_CANCEL_ONLY")).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("cancel-only");
        assertThat(decode(submit, 400, "SYSTEM_STATUS_POST_ONLY")).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("post-only");
        assertThat(decode(submit, 400, "SERVICE_UNAVAILABLE")).isInstanceOf(UnknownOutcomeException.class);
        assertThat(decode(submit, 400, "DUPLICATED_CLIENT_ID")).isInstanceOf(OrderRejectedException.class);
        assertThat(errors.decode(submit, new VenueResponse(400, Map.of(),
                "{\"error\":\"VALIDATION_ERROR\",\"message\":\"insufficient margin\"}")))
                .isInstanceOf(InsufficientMarginException.class);
        assertThat(decode(query, 404, "CLIENT_ORDER_ID_NOT_FOUND")).isInstanceOf(OrderNotFoundException.class)
                .satisfies(e -> assertThat(((OrderNotFoundException) e).clientOrderId()).isEqualTo("cid-2"));
        assertThat(decode(query, 400, "SERVICE_UNAVAILABLE")).isInstanceOf(VenueUnavailableException.class);
        assertThat(decode(query, 401, "INVALID_TOKEN")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void httpLevelFaultsOfASubmitAreRateLimitsAndUnknownOutcomes() {
        paradex.client.balances().join(); // authenticated and state read before the faults
        paradex.client.submitOrder(OrderRequest.market("warm", "ETH", Side.BUY, new BigDecimal("0.1"), false)).join();
        paradex.fake.server().faults().answerNext(1, r -> r.path().equals("/v1/orders"),
                FakeResponse.json(429, "{\"error\":\"RATE_LIMITED\"}").withHeader("Retry-After", "1"));
        assertThat(failure(OrderRequest.market("e-429", "ETH", Side.BUY, new BigDecimal("0.1"), false)))
                .isInstanceOf(RateLimitedException.class);
        paradex.fake.server().faults().answerNext(1, r -> r.path().equals("/v1/orders"),
                FakeResponse.json(502, "bad gateway"));
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(failure(OrderRequest.market("e-502", "ETH", Side.BUY, new BigDecimal("0.1"), false)))
                .isInstanceOf(UnknownOutcomeException.class);
    }

    private Throwable failure(OrderRequest request) {
        try {
            paradex.client.submitOrder(request).join();
            throw new AssertionError("expected a failure");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }
}
