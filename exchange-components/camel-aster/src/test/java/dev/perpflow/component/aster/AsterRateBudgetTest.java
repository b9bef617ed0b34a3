package dev.perpflow.component.aster;

import static dev.perpflow.component.aster.AsterTradingTest.join;
import static dev.perpflow.testkit.FakeServerFaults.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRateLimits;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeRequest;
import dev.perpflow.testkit.FakeResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 item 4 on the fake Aster: the client's one rate budget shrinks on 429/418 (nothing is sent inside
 * {@code Retry-After}, a ban holds cancels too), recovers afterwards, and serves a cancel before reads queued earlier.
 */
class AsterRateBudgetTest {

    private static final FakeResponse TOO_MANY = FakeResponse.json(429,
            "{\"code\":-1003,\"msg\":\"Too many requests; current limit is 2400 request weight per 1 MINUTE.\"}");

    private final AsterFixture aster = AsterFixture.withCredentials();

    @AfterEach
    void close() {
        aster.close();
    }

    @Test
    void nothingIsSentToTheVenueWhileRetryAfterRunsAndTradingResumesAfterIt() {
        join(aster.client.instruments());
        aster.fake.server().faults().answerNext(1, on("GET", "/fapi/v2/balance"), TOO_MANY.withHeader("Retry-After", "2"));
        assertThatThrownBy(() -> join(aster.client.balances())).isInstanceOf(RateLimitedException.class);
        int sent = aster.fake.server().requests().size();

        assertThatThrownBy(() -> join(aster.client.balances())).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> join(aster.client.positions())).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> join(aster.client.orderBook("ETH", 5))).isInstanceOf(RateLimitedException.class);
        assertThat(aster.fake.server().requests()).as("nothing sent inside Retry-After").hasSize(sent);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> assertThat(join(aster.client.balances())).isNotEmpty());
    }

    @Test
    void theVenuesRateLimitAnswerIsCountedAndCallsHeldBackAfterItAreNot() {
        join(aster.client.instruments());
        long before = VenueRateLimits.count(aster.client.venue());
        aster.fake.server().faults().answerNext(1, on("GET", "/fapi/v2/balance"),
                TOO_MANY.withHeader("Retry-After", "2"));

        assertThatThrownBy(() -> join(aster.client.balances())).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> join(aster.client.positions())).as("held back inside Retry-After")
                .isInstanceOf(RateLimitedException.class);

        assertThat(VenueRateLimits.count(aster.client.venue())).as("perpflow_rate_limited_total counts answers only")
                .isEqualTo(before + 1);
    }

    @Test
    void aSustained429StormIsMetWithOneRequestPerRetryAfterAndTheBudgetRecovers() throws Exception {
        join(aster.client.instruments());
        aster.fake.server().faults().answerNext(5, on("GET", "/fapi/v2/balance"), TOO_MANY.withHeader("Retry-After", "1"));

        int limited = 0;
        long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < end) {
            try {
                join(aster.client.balances());
            } catch (RateLimitedException e) {
                limited++;
            }
            Thread.sleep(50);
        }

        List<FakeRequest> sent = aster.fake.server().requests().stream()
                .filter(r -> r.path().equals("/fapi/v2/balance")).toList();
        assertThat(limited).as("callers were told to back off").isGreaterThan(20);
        // each 429 holds every call for its Retry-After, then the halved budget lets one through: never one per call
        assertThat(sent).hasSizeBetween(3, 8);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> assertThat(join(aster.client.balances())).isNotEmpty());
    }

    @Test
    void anIpBanHoldsEvenACancelForTheWholeRetryAfter() {
        Order resting = join(aster.client.submitOrder(restingBid("pf-ban-1")));
        aster.fake.server().faults().answerNext(1, on("GET", "/fapi/v2/balance"),
                FakeResponse.json(418, "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned.\"}")
                        .withHeader("Retry-After", "1"));
        assertThatThrownBy(() -> join(aster.client.balances())).isInstanceOf(RateLimitedException.class);
        long bannedAt = System.nanoTime();
        int sent = aster.fake.server().requests().size();

        assertThatThrownBy(() -> join(aster.client.positions())).isInstanceOf(RateLimitedException.class);
        Order cancelled = join(aster.client.cancelOrder("ETH", resting.clientOrderId()));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(Duration.ofNanos(System.nanoTime() - bannedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(aster.fake.server().requests().subList(sent, aster.fake.server().requests().size()))
                .extracting(FakeRequest::path).containsExactly("/fapi/v1/order");
    }

    @Test
    void whenTheBudgetIsShortACancelIsServedBeforeReadsQueuedEarlier() {
        // one weight per second, so reads queue behind the spent budget
        AsterConfiguration small = AsterConfiguration.of(aster.fake.restUrl(), aster.fake.wsUrl(),
                AsterCredentials.of(AsterFixture.API_KEY, AsterFixture.SECRET)).withRestTimeout(Duration.ofSeconds(30));
        small.setWeightPerMinute(60);
        try (AsterExchangeClient client = new AsterExchangeClient(small,
                VenueHttpClient.defaultHttpClient(Duration.ofSeconds(2)), java.time.Clock.systemUTC())) {
            join(client.instruments()); // 3
            Order resting = join(client.submitOrder(restingBid("pf-queue-1"))); // 1
            join(client.openOrders(null)); // 40
            for (int i = 0; i < 3; i++) {
                join(client.balances()); // 5 each: about one weight left
            }
            List<CompletableFuture<List<Position>>> reads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                reads.add(client.positions()); // 5 each: 4, 9 and 14 s away
            }
            int sent = aster.fake.server().requests().size();

            long started = System.nanoTime();
            Order cancelled = join(client.cancelOrder("ETH", resting.clientOrderId()));

            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(aster.fake.server().requests().subList(sent, aster.fake.server().requests().size()))
                    .extracting(FakeRequest::path).as("the cancel went first").startsWith("/fapi/v1/order")
                    .doesNotContain("/fapi/v2/positionRisk");
            assertThat(reads).noneMatch(CompletableFuture::isDone);
        }
    }

    private OrderRequest restingBid(String clientOrderId) {
        BigDecimal farBid = aster.sim.exchange().book("ETH", 1).bids().get(0).price().multiply(new BigDecimal("0.9"))
                .setScale(1, RoundingMode.DOWN);
        return OrderRequest.limit(clientOrderId, "ETH", Side.BUY, new BigDecimal("0.50"), farBid, TimeInForce.GTC);
    }
}
