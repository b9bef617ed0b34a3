package dev.perpflow.component.backpack;

import static dev.perpflow.component.backpack.BackpackMarketDataTest.join;
import static dev.perpflow.testkit.FakeServerFaults.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.testkit.FakeResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpackErrorMappingTest {

    private final BackpackFixture backpack = BackpackFixture.withCredentials();

    @AfterEach
    void close() {
        backpack.close();
    }

    @Test
    void wrongSecretIsAnInvalidSignatureAndPlacesNothing() {
        BackpackCredentials mismatched = BackpackCredentials.unchecked(BackpackTestKeys.PUBLIC_KEY,
                BackpackTestKeys.OTHER_SECRET);
        try (BackpackFixture wrong = BackpackFixture.withCredentials(mismatched)) {
            assertThatThrownBy(() -> join(wrong.client.submitOrder(market("pf-bad-sig"))))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("INVALID_SIGNATURE")
                    .hasMessageNotContaining(BackpackTestKeys.OTHER_SECRET);
            assertThatThrownBy(() -> join(wrong.client.positions())).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("BACKPACK_SECRET_KEY");
            assertThat(wrong.sim.exchange().openOrders(null)).isEmpty();
            assertThat(wrong.sim.exchange().positions()).isEmpty();
        }
    }

    @Test
    void unknownApiKeyIsAnAuthenticationError() {
        BackpackCredentials someoneElse = BackpackCredentials.of(BackpackTestKeys.OTHER_PUBLIC_KEY,
                BackpackTestKeys.OTHER_SECRET);
        try (BackpackFixture wrong = BackpackFixture.withCredentials(someoneElse)) {
            assertThatThrownBy(() -> join(wrong.client.balances()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("UNAUTHORIZED");
        }
    }

    @Test
    void requestOlderThanItsWindowIsRejectedAsAClockProblem() {
        try (BackpackFixture late = BackpackFixture.withClockBehind(Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> join(late.client.submitOrder(market("pf-late"))))
                    .isInstanceOfSatisfying(OrderRejectedException.class,
                            e -> assertThat(e.clientOrderId()).isEqualTo("pf-late"))
                    .hasMessageContaining("expired").hasMessageContaining("clock");
            assertThatThrownBy(() -> join(late.client.balances())).isInstanceOf(ExchangeException.class)
                    .hasMessageContaining("clock");
            assertThat(late.sim.exchange().positions()).isEmpty();
        }
    }

    @Test
    void tradingWithoutCredentialsNamesTheEnvironmentVariables() {
        try (BackpackFixture anonymous = BackpackFixture.publicOnly()) {
            assertThatThrownBy(() -> join(anonymous.client.submitOrder(market("pf-anon"))))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("BACKPACK_PUBLIC_KEY").hasMessageContaining("BACKPACK_SECRET_KEY");
            assertThat(anonymous.fake.server().requests()).noneMatch(r -> r.path().equals("/api/v1/order"));
        }
    }

    @Test
    void accountStreamWithoutCredentialsFailsFast() {
        try (BackpackFixture anonymous = BackpackFixture.publicOnly()) {
            assertThatThrownBy(() -> anonymous.client.subscribeOrders(new BackpackStreamsTest.Recorder()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("BACKPACK_PUBLIC_KEY");
        }
    }

    @Test
    void insufficientMarginIsTyped() {
        assertThatThrownBy(() -> join(backpack.client.submitOrder(
                OrderRequest.market("pf-too-big", "BTC", Side.BUY, new BigDecimal("500"), false))))
                .isInstanceOfSatisfying(InsufficientMarginException.class,
                        e -> assertThat(e.clientOrderId()).isEqualTo("pf-too-big"));
    }

    @Test
    void venuesUnknownMarketAnswerNamesPerpflowsSymbol() {
        backpack.fake.server().faults().answerNext(1, on("GET", "/api/v1/depth"),
                FakeResponse.json(400, "{\"code\":\"INVALID_MARKET\",\"message\":\"Invalid market\"}"));

        assertThatThrownBy(() -> join(backpack.client.orderBook("SOL", 5)))
                .isInstanceOfSatisfying(MarketNotFoundException.class, e -> assertThat(e.symbol()).isEqualTo("SOL"));
    }

    @Test
    void unknownOrderIsTypedWithTheCallersId() {
        assertThatThrownBy(() -> join(backpack.client.queryOrder("ETH", "never-sent")))
                .isInstanceOfSatisfying(OrderNotFoundException.class,
                        e -> assertThat(e.clientOrderId()).isEqualTo("never-sent"));
        assertThatThrownBy(() -> join(backpack.client.cancelOrder("ETH", "never-sent")))
                .isInstanceOf(OrderNotFoundException.class).hasMessageContaining("never-sent");
    }

    @Test
    void rateLimitCarriesTheVenuesRetryAfter() {
        backpack.fake.server().faults().answerNext(1, on("GET", "/api/v1/capital/collateral"),
                FakeResponse.json(429, "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests\"}")
                        .withHeader("Retry-After", "7"));
        backpack.fake.server().faults().answerNext(1, on("GET", "/api/v1/markPrices"),
                FakeResponse.json(418, "{}"));

        assertThatThrownBy(() -> join(backpack.client.balances()))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThatThrownBy(() -> join(backpack.client.fundingRates())).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void serverErrorAfterSubmitIsAnUnknownOutcomeResolvedByQuery() {
        backpack.fake.server().faults().answerNext(1, on("POST", "/api/v1/order"),
                FakeResponse.json(503, "{\"code\":\"SERVER_ERROR\",\"message\":\"unavailable\"}"));

        assertThatThrownBy(() -> join(backpack.client.submitOrder(market("pf-503"))))
                .isInstanceOfSatisfying(UnknownOutcomeException.class,
                        e -> assertThat(e.clientOrderId()).isEqualTo("pf-503"));
        // the 503 came from the gateway: the order never reached the venue, and the query says so
        assertThatThrownBy(() -> join(backpack.client.queryOrder("ETH", "pf-503")))
                .isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void submitWhoseAnswerNeverComesIsAnUnknownOutcomeAndTheQueryFindsTheOrder() {
        backpack.fake.server().faults().withholdResponseNext(on("POST", "/api/v1/order"));

        assertThatThrownBy(() -> join(backpack.client.submitOrder(market("pf-timeout"))))
                .isInstanceOfSatisfying(UnknownOutcomeException.class,
                        e -> assertThat(e.clientOrderId()).isEqualTo("pf-timeout"));

        Order resolved = backpack.client.queryOrder("ETH", "pf-timeout").join();
        assertThat(resolved.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(backpack.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/order")).count()).isEqualTo(1);
    }

    @Test
    void serverErrorOnAReadIsVenueUnavailable() {
        backpack.fake.server().faults().answerNext(1, on("GET", "/api/v1/position"),
                FakeResponse.json(502, "<html>bad gateway</html>"));

        assertThatThrownBy(() -> join(backpack.client.positions())).isInstanceOf(VenueUnavailableException.class);
    }

    @Test
    void unreachableVenueIsVenueUnavailable() {
        URI closed = URI.create("http://127.0.0.1:9");
        try (BackpackExchangeClient client = new BackpackExchangeClient(BackpackConfiguration.of(closed, closed, null))) {
            assertThatThrownBy(() -> join(client.instruments())).isInstanceOf(VenueUnavailableException.class);
        }
    }

    @Test
    void payloadMissingAFieldIsAVenueErrorNamingIt() {
        backpack.fake.server().faults().answerNext(1, on("GET", "/api/v1/capital/collateral"),
                FakeResponse.ok("{\"netEquityAvailable\":\"10\"}"));
        backpack.fake.server().faults().answerNext(1, on("GET", "/api/v1/position"),
                FakeResponse.ok("[{\"symbol\":\"SOL_USDC_PERP\",\"netQuantity\":\"abc\"}]"));

        assertThatThrownBy(() -> join(backpack.client.balances())).isInstanceOf(ExchangeException.class)
                .hasMessageContaining("backpack").hasMessageContaining("netEquity");
        assertThatThrownBy(() -> join(backpack.client.positions())).isInstanceOf(ExchangeException.class)
                .hasMessageContaining("netQuantity").hasMessageContaining("not a number");
    }

    @Test
    void twoClientIdsWithTheSameU32AreRefusedBeforeSending() {
        String[] pair = collidingIds();
        backpack.client.submitOrder(OrderRequest.limit(pair[0], "ETH", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("2000"), dev.perpflow.exchange.model.TimeInForce.GTC)).join();
        long postsBefore = posts();

        assertThatThrownBy(() -> join(backpack.client.submitOrder(OrderRequest.limit(pair[1], "ETH", Side.BUY,
                new BigDecimal("0.1"), new BigDecimal("2000"), dev.perpflow.exchange.model.TimeInForce.GTC))))
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining(pair[0]);
        assertThat(posts()).isEqualTo(postsBefore);
    }

    private long posts() {
        return backpack.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/order")).count();
    }

    /** Two ids whose SHA-256 prefixes collide (a birthday search over a few hundred thousand ids). */
    private static String[] collidingIds() {
        Map<Long, String> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            String id = "grid-" + i;
            String other = seen.putIfAbsent(BackpackClientIds.venueId(id), id);
            if (other != null) {
                return new String[] {other, id};
            }
        }
    }

    private static OrderRequest market(String clientOrderId) {
        return OrderRequest.market(clientOrderId, "ETH", Side.BUY, new BigDecimal("0.1"), false);
    }
}
