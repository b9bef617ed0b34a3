package dev.perpflow.component.sim;

import static dev.perpflow.component.sim.SimTestVenues.START;
import static dev.perpflow.component.sim.SimTestVenues.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.StreamState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asynchronous client: latency, every injected fault, and the streams. */
class SimClientFaultsTest {

    private final SimClock clock = new SimClock(START);
    private final SimExchangeClient client = SimExchangeClient.manual(SimTestVenues.still("f"), clock);

    @AfterEach
    void close() {
        client.close();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return ExchangeException.unwrap(future.handle((v, e) -> e).join());
    }

    @Test
    void rejectNextRefusesThatManySubmitsAndPlacesNothing() throws Exception {
        client.faults().rejectNext(2);
        assertThat(failureOf(client.submitOrder(market("a", Side.BUY, "0.1")))).isInstanceOf(OrderRejectedException.class);
        assertThat(failureOf(client.submitOrder(market("b", Side.BUY, "0.1")))).isInstanceOf(OrderRejectedException.class);
        assertThat(client.submitOrder(market("c", Side.BUY, "0.1")).get().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(client.fillsSince(START).get()).extracting(Fill::clientOrderId).containsExactly("c");
    }

    @Test
    void acceptThenTimeoutLeavesExactlyOneOrderThatAQueryFinds() throws Exception {
        client.faults().acceptThenTimeoutNext(1);
        Throwable failure = failureOf(client.submitOrder(market("u1", Side.BUY, "0.1")));
        assertThat(failure).isInstanceOf(UnknownOutcomeException.class);
        assertThat(((UnknownOutcomeException) failure).clientOrderId()).isEqualTo("u1");
        Order found = client.queryOrder("BTC", "u1").get();
        assertThat(found.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(client.fillsSince(START).get()).hasSize(1);
        assertThat(client.positions().get()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("0.1"));
    }

    @Test
    void rateLimitCarriesRetryAfterAndPlacesNothing() throws Exception {
        client.faults().rateLimitNext(1, Duration.ofMillis(1500));
        Throwable failure = failureOf(client.submitOrder(market("r", Side.BUY, "0.1")));
        assertThat(failure).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) failure).retryAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(client.openOrders(null).get()).isEmpty();
        assertThat(client.fillsSince(START).get()).isEmpty();
    }

    @Test
    void failNextRequestsAppliesToPublicDataToo() throws Exception {
        client.faults().failNextRequests(1);
        assertThat(failureOf(client.fundingRates())).isInstanceOf(VenueUnavailableException.class);
        assertThat(client.fundingRates().get()).isNotEmpty();
    }

    @Test
    void hangingPublicDataNeverAnswersUntilCleared() throws Exception {
        client.faults().hangPublicData(true);
        CompletableFuture<?> rates = client.fundingRates();
        assertThatThrownBy(() -> rates.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        client.faults().hangPublicData(false);
        assertThat(client.marketStats().get()).isNotEmpty();
    }

    @Test
    void unknownSymbolFailsTyped() {
        assertThat(failureOf(client.orderBook("DOGE", 5))).isInstanceOf(MarketNotFoundException.class);
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        try (SimExchangeClient slow = SimExchangeClient.manual(SimTestVenues.still("s")
                .withLatency(Duration.ofMillis(150), Duration.ZERO), new SimClock(START))) {
            long started = System.nanoTime();
            slow.bbo("BTC").get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void streamsDeliverOrdersFillsAndStateAndStayQuietWhileDropped() throws Exception {
        List<Object> events = new CopyOnWriteArrayList<>();
        client.subscribeOrders(new OrderEventListener() {
            @Override
            public void onOrder(Order order) {
                events.add(order.clientOrderId() + ":" + order.status());
            }

            @Override
            public void onFill(Fill fill) {
                events.add("fill:" + fill.clientOrderId());
            }

            @Override
            public void onStreamState(StreamState state) {
                events.add(state);
            }
        });
        client.submitOrder(market("s1", Side.BUY, "0.1")).get();
        await().atMost(Duration.ofSeconds(2)).until(() -> events.contains("s1:FILLED"));
        assertThat(events).startsWith(StreamState.CONNECTED).contains("fill:s1");

        client.dropStreams();
        client.submitOrder(market("s2", Side.BUY, "0.1")).get();
        await().atMost(Duration.ofSeconds(2)).until(() -> events.contains(StreamState.DISCONNECTED));
        client.restoreStreams();
        await().atMost(Duration.ofSeconds(2)).until(() -> events.lastIndexOf(StreamState.CONNECTED) > 0);
        assertThat(events).noneMatch(e -> e.toString().contains("s2"));
        assertThat(client.queryOrder("BTC", "s2").get().status()).as("REST shows what the stream missed")
                .isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void bookStreamSendsABookAfterEveryPriceStep() {
        List<OrderBook> books = new CopyOnWriteArrayList<>();
        client.subscribeBook("BTC", books::add);
        client.advance(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(2)).until(() -> books.size() == 3);
        assertThat(books).allSatisfy(b -> assertThat(b.symbol()).isEqualTo("BTC"));
        assertThat(books.get(2).sequence()).isGreaterThan(books.get(0).sequence());
    }

    @Test
    void manualTimeMovesFundingOnlyWhenAdvanced() throws Exception {
        client.submitOrder(market("f1", Side.BUY, "1")).get();
        client.advance(Duration.ofHours(7));
        assertThat(client.exchange().settlements()).isEmpty();
        client.advance(Duration.ofHours(1));
        assertThat(client.exchange().settlements()).singleElement()
                .satisfies(s -> assertThat(s.amount()).isEqualByComparingTo(new BigDecimal("-9")));
    }

    @Test
    void aFaultAimedAtOneOperationLeavesTheOthersAlone() throws Exception {
        client.submitOrder(market("q1", Side.BUY, "0.1")).get();
        client.faults().failNext(SimOperation.QUERY, 2, SimFaults.Fault.RATE_LIMITED);
        assertThat(failureOf(client.queryOrder("BTC", "q1"))).isInstanceOf(RateLimitedException.class);
        assertThat(client.positions().get()).hasSize(1);
        assertThat(failureOf(client.queryOrder("BTC", "q1"))).isInstanceOf(RateLimitedException.class);
        assertThat(client.queryOrder("BTC", "q1").get().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void anAimedHangNeverAnswers() throws Exception {
        client.faults().failNext(SimOperation.FILLS, 1, SimFaults.Fault.HANG);
        CompletableFuture<List<Fill>> hanging = client.fillsSince(START);
        assertThatThrownBy(() -> hanging.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(client.fillsSince(START).get()).isEmpty();
    }

    @Test
    void aRateLimitStormRefusesEveryRequestUntilItEnds() throws Exception {
        client.faults().rateLimitUntil(START.plusSeconds(60), Duration.ofSeconds(5));
        assertThat(failureOf(client.submitOrder(market("s1", Side.BUY, "0.1")))).isInstanceOf(RateLimitedException.class);
        assertThat(failureOf(client.positions())).isInstanceOf(RateLimitedException.class);
        client.advance(Duration.ofSeconds(60));
        assertThat(client.submitOrder(market("s2", Side.BUY, "0.1")).get().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(client.fillsSince(START).get()).extracting(Fill::clientOrderId).containsExactly("s2");
    }
}
