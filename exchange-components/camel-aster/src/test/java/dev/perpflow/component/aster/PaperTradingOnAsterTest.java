package dev.perpflow.component.aster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perpflow.component.sim.paper.PaperExchangeClient;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The paper profile's engine: Aster's live (fake) book and public data, simulated fills, no credentials. */
class PaperTradingOnAsterTest {

    private static final BigDecimal TAKER = new BigDecimal("0.0004");
    private static final BigDecimal MAKER = new BigDecimal("0.00005");

    private final AsterFixture aster = AsterFixture.publicOnly();
    private final PaperExchangeClient paper = new PaperExchangeClient(aster.client, MAKER, TAKER,
            new BigDecimal("100000"), Duration.ofMillis(100), Clock.systemUTC());

    @AfterEach
    void close() {
        paper.close();
        aster.fake.close();
        aster.sim.close();
    }

    @Test
    void marketOrderWalksTheLiveBookWithTheVenuesTakerFeeAndNeverReachesTheVenue() {
        OrderBook book = aster.sim.exchange().book("ETH", 5);
        BigDecimal touchQuantity = book.asks().get(0).quantity();
        BigDecimal quantity = touchQuantity.add(new BigDecimal("0.10"));

        Order order = paper.submitOrder(OrderRequest.market("paper-1", "ETH", Side.BUY, quantity, false)).join();

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        List<Fill> fills = paper.fillsSince(Instant.EPOCH).join();
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).price()).isEqualByComparingTo(book.asks().get(0).price());
        assertThat(fills.get(0).quantity()).isEqualByComparingTo(touchQuantity);
        assertThat(fills.get(1).price()).isEqualByComparingTo(book.asks().get(1).price());
        assertThat(fills).allSatisfy(f -> {
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(f.fee()).isEqualByComparingTo(f.price().multiply(f.quantity()).multiply(TAKER)
                    .setScale(8, RoundingMode.HALF_EVEN));
        });
        Position position = paper.positions().join().get(0);
        assertThat(position.quantity()).isEqualByComparingTo(quantity);
        assertThat(aster.fake.server().requests()).noneMatch(r -> r.path().equals("/fapi/v1/order"));
        assertThat(aster.sim.exchange().positions()).as("the venue holds nothing").isEmpty();
    }

    @Test
    void restingLimitFillsAsMakerWhenTheLiveMarketTradesThroughIt() {
        BigDecimal bid = aster.sim.exchange().book("ETH", 1).bids().get(0).price();
        BigDecimal limit = bid.subtract(new BigDecimal("20"));

        Order resting = paper.submitOrder(OrderRequest.limit("paper-2", "ETH", Side.BUY, BigDecimal.ONE, limit,
                TimeInForce.GTC)).join();
        assertThat(resting.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(paper.openOrders("ETH").join()).hasSize(1);

        aster.sim.exchange().setMid("ETH", limit.subtract(BigDecimal.TEN));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(paper.queryOrder("ETH", "paper-2").join().status()).isEqualTo(OrderStatus.FILLED));
        Fill fill = paper.fillsSince(Instant.EPOCH).join().get(0);
        assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(fill.price()).isEqualByComparingTo(limit);
    }

    @Test
    void paperAccountHasMarginLimits() {
        assertThatThrownBy(() -> paper.submitOrder(OrderRequest.market("paper-3", "BTC", Side.BUY, BigDecimal.TEN,
                false)).join()).hasCauseInstanceOf(InsufficientMarginException.class);
        assertThat(paper.balances().join().get(0).total()).isEqualByComparingTo("100000");
    }

    @Test
    void fundingAndMarketsAreTheVenuesLiveData() {
        assertThat(paper.fundingRates().join()).hasSameSizeAs(aster.sim.exchange().fundingRates());
        assertThat(paper.instruments().join()).extracting(i -> i.venueSymbol()).contains("1000BONKUSDT");
    }
}
