package dev.perpflow.fundingarb;

import static dev.perpflow.fundingarb.ArbSimVenues.balance;
import static dev.perpflow.fundingarb.ArbSimVenues.quantity;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A funding-arbitrage run end to end on two simulated venues: open, accrue funding, exit for each reason. */
class FundingArbEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    private final ArbSimVenues sims = new ArbSimVenues();

    @AfterEach
    void close() {
        sims.close();
    }

    private ArbPosition openPosition(FundingArbEngine engine) {
        sims.tickUntil(engine, () -> sims.only(ArbPosition.Status.OPEN).isPresent(), WAIT);
        return sims.only(ArbPosition.Status.OPEN).orElseThrow();
    }

    @Test
    void opensDeltaNeutralLegsLongWhereShortsPayAndShortWhereLongsPay() {
        FundingArbEngine engine = sims.engine("run-1", Map.of());

        ArbPosition position = openPosition(engine);

        assertThat(position.longDex()).isEqualTo("c");
        assertThat(position.shortDex()).isEqualTo("a");
        assertThat(position.entryDivergence()).isEqualByComparingTo("0.0006");
        assertThat(quantity(sims.c, "BTC")).isPositive();
        assertThat(quantity(sims.c, "BTC").add(quantity(sims.a, "BTC"))).as("delta neutral").isZero();
        assertThat(position.longLeg().tokens()).isEqualByComparingTo(quantity(sims.c, "BTC"));
        // 40 USD margin × 5 (max_leverage's default, under both venues' maximum of 20), on a 90,000 USD market
        assertThat(position.sizeUsd()).isCloseTo(new BigDecimal("200"), Offset.offset(new BigDecimal("25")));
        assertThat(sims.events(ArbEvent.POSITION_OPENED)).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("long_dex", "c").containsEntry("short_dex", "a"));
        assertThat(sims.journal.all()).allSatisfy(o -> assertThat(o.request().clientOrderId())
                .startsWith("fa-" + position.id() + "-e"));
        assertThat(sims.store.trades()).extracting(InMemoryArbPositionStore.Trade::tradeType).containsOnly("entry");
    }

    @Test
    void fundingAccruesThenADivergenceFlipClosesBothLegsWithPnlMatchingTheVenueBalances() {
        BigDecimal before = balance(sims.a).add(balance(sims.c));
        FundingArbEngine engine = sims.engine("run-2", Map.of());
        ArbPosition opened = openPosition(engine);

        // a few funding settlements pass (the sim settles every simulated minute)
        sims.tickUntil(engine, () -> sims.store.find(opened.id()).orElseThrow().cumulativeFunding().signum() > 0, WAIT);
        assertThat(sims.store.payments()).isNotEmpty();

        sims.funding.set("a", "BTC", "-0.0002");
        sims.funding.set("c", "BTC", "0.0001");
        sims.tickUntil(engine, () -> sims.only(ArbPosition.Status.CLOSED).isPresent(), WAIT);

        ArbPosition closed = sims.only(ArbPosition.Status.CLOSED).orElseThrow();
        assertThat(closed.exitReason()).isIn(ExitReasons.DIVERGENCE_FLIPPED, ExitReasons.timeout(ExitReasons.DIVERGENCE_FLIPPED));
        assertThat(quantity(sims.a, "BTC")).isZero();
        assertThat(quantity(sims.c, "BTC")).isZero();
        BigDecimal venuesResult = balance(sims.a).add(balance(sims.c)).subtract(before);
        assertThat(closed.pnlUsd()).as("PnL = price moves + funding − fees, as the venues booked it")
                .isCloseTo(venuesResult, Offset.offset(new BigDecimal("0.01")));
        assertThat(sims.events(ArbEvent.POSITION_CLOSED)).singleElement().satisfies(e -> {
            assertThat(e.details()).containsKeys("pnl_usd", "pnl_pct", "age_hours", "leg_pnl");
            assertThat(e.details().get("reason")).isEqualTo(closed.exitReason());
        });
    }
}
