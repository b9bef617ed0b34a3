package dev.perpflow.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perpflow.exchange.model.Position;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One leverage decision per entry, used for sizing, the margin check and both venues' setting, so each leg commits
 * the configured target margin. Failed before: the entry sized at the venues' maximum (20×) while the executor set
 * the venues to 5×, so each leg committed about four times the target margin.
 */
class EntryLeverageTest {

    private static ArbPosition open(ArbSimVenues sims, FundingArbEngine engine) {
        sims.tickUntil(engine, () -> sims.only(ArbPosition.Status.OPEN).isPresent(), Duration.ofSeconds(30));
        return sims.only(ArbPosition.Status.OPEN).orElseThrow();
    }

    private static void assertEachLegCommits(ArbSimVenues sims, BigDecimal margin, int leverage) {
        for (String venue : new String[] {"a", "c"}) {
            Position position = sims.position(venue).orElseThrow();
            assertThat(position.leverage()).as(venue + " leverage").isEqualByComparingTo(BigDecimal.valueOf(leverage));
            // lots round the size down a little: the margin is the target or just under it, never a multiple of it
            assertThat(position.margin()).as(venue + " margin").isCloseTo(margin, within(new BigDecimal("4")));
        }
    }

    @Test
    void venuesAllowingMoreThanTheCapTradeAtTheCapAndEachLegCommitsTheTargetMargin() {
        try (ArbSimVenues sims = new ArbSimVenues(Duration.ofMinutes(1), 20, 10)) {
            // 36 × 5 = 180 USD: two 0.001 BTC lots on a 90,000 USD market
            ArbPosition position = open(sims, sims.engine("lev-cap", Map.of("target_margin", 36)));
            assertThat(position.sizeUsd()).isCloseTo(new BigDecimal("180"), within(new BigDecimal("5")));
            assertEachLegCommits(sims, new BigDecimal("36"), 5);
            assertThat(sims.events(ArbEvent.POSITION_OPENED)).singleElement()
                    .satisfies(e -> assertThat(e.details()).containsEntry("leverage", 5));
        }
    }

    @Test
    void aVenueAllowingLessThanTheCapDecidesTheLeverageOfBothLegs() {
        try (ArbSimVenues sims = new ArbSimVenues(Duration.ofMinutes(1), 20, 3)) {
            // 60 × 3 = 180 USD: two 0.001 BTC lots on a 90,000 USD market
            ArbPosition position = open(sims, sims.engine("lev-venue", Map.of("target_margin", 60,
                    "max_leverage", 10)));
            assertThat(position.sizeUsd()).isCloseTo(new BigDecimal("180"), within(new BigDecimal("5")));
            assertEachLegCommits(sims, new BigDecimal("60"), 3);
        }
    }
}
