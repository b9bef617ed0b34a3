package dev.perpflow.fundingarb;

import static dev.perpflow.fundingarb.ArbSimVenues.quantity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.component.sim.SimFaults.Fault;
import dev.perpflow.component.sim.SimOperation;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.risk.RiskGuard;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Funding-arbitrage runs when venues fail and people intervene: whatever happens, every token a venue holds for the
 * run belongs to an active position the run watches, a position is FAILED only when the venues confirm it holds
 * nothing, and a run only ever closes what its own orders hold.
 */
class ArbUnderFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ArbSimVenues sims = new ArbSimVenues(Duration.ofHours(1));

    @AfterEach
    void close() {
        sims.close();
    }

    private ArbPosition openPosition(FundingArbEngine engine) {
        sims.tickUntil(engine, () -> sims.only(ArbPosition.Status.OPEN).isPresent(), WAIT);
        return sims.only(ArbPosition.Status.OPEN).orElseThrow();
    }

    /** What the run tracks equals what the venues hold: nothing held without a watched position. */
    private void assertEverythingHeldIsTracked(String runId) {
        BigDecimal trackedLong = BigDecimal.ZERO;
        BigDecimal trackedShort = BigDecimal.ZERO;
        for (ArbPosition p : sims.store.active(runId)) {
            trackedLong = trackedLong.add(p.longLeg().tokens());
            trackedShort = trackedShort.add(p.shortLeg().tokens());
        }
        BigDecimal heldLong = quantity(sims.c, "BTC").abs();
        BigDecimal heldShort = quantity(sims.a, "BTC").abs();
        assertThat(heldLong).as("long tokens held on c are tracked").isLessThanOrEqualTo(trackedLong);
        assertThat(heldShort).as("short tokens held on a are tracked").isLessThanOrEqualTo(trackedShort);
        assertThat(sims.store.all()).filteredOn(p -> p.status() == ArbPosition.Status.FAILED)
                .as("failed only when flat").allSatisfy(p -> assertThat(heldLong.add(heldShort)).isZero());
    }

    @Test
    void anEntryWhoseRollbackFailsStaysTrackedAsANakedLegAndIsClosedWhenTheVenueAnswersAgain() {
        // failed before: the entry was saved FAILED whatever the rollback achieved, so the naked leg was unwatched
        sims.a.faults().rejectNext(1_000);                                               // the short leg is refused
        sims.c.faults().failAfter(SimOperation.SUBMIT, 1, 1_000, Fault.UNAVAILABLE);    // the rollback cannot go out
        FundingArbEngine engine = sims.engine("naked", Map.of("check_interval_seconds", 1));
        sims.tickUntil(engine, () -> quantity(sims.c, "BTC").signum() != 0
                && sims.only(ArbPosition.Status.CLOSING).isPresent(), WAIT);

        ArbPosition naked = sims.only(ArbPosition.Status.CLOSING).orElseThrow();
        assertThat(naked.exitReason()).isEqualTo(ExitReasons.NAKED_AFTER_FAILED_ENTRY);
        assertThat(naked.longLeg().tokens()).isEqualByComparingTo(quantity(sims.c, "BTC"));
        assertThat(sims.store.all()).noneMatch(p -> p.status() == ArbPosition.Status.FAILED);
        assertThat(sims.events(ArbEvent.NAKED_LEG)).singleElement()
                .satisfies(e -> assertThat(e.isNotification()).isTrue());
        assertEverythingHeldIsTracked("naked");

        sims.a.faults().clear();
        sims.c.faults().clear();
        sims.tickUntil(engine, () -> sims.store.find(naked.id()).orElseThrow().status() == ArbPosition.Status.CLOSED,
                WAIT);
        ArbPosition closed = sims.store.find(naked.id()).orElseThrow();
        assertThat(closed.exitReason()).isEqualTo(ExitReasons.NAKED_AFTER_FAILED_ENTRY);
        assertThat(closed.error()).as("its PnL is complete").isNull();
        assertEverythingHeldIsTracked("naked");
    }

    @Test
    void aHaltDuringAnEntryNeverLeavesALegUnwatched() throws Exception {
        FundingArbEngine engine = sims.engine("halt-entry", Map.of("check_interval_seconds", 1));
        Thread halter = new Thread(() -> {
            while (quantity(sims.a, "BTC").signum() == 0 && quantity(sims.c, "BTC").signum() == 0) {
                Thread.onSpinWait();
            }
            sims.control().halt("kill switch during the entry");
        });
        halter.start();
        sims.tickUntil(engine, () -> !halter.isAlive() && sims.store.active("halt-entry").stream()
                .noneMatch(p -> p.status() == ArbPosition.Status.OPENING), WAIT);
        halter.join(TimeUnit.SECONDS.toMillis(5));
        for (int i = 0; i < 20; i++) {
            engine.tick();    // halted: the run waits without failing
        }
        assertEverythingHeldIsTracked("halt-entry");
        assertThat(sims.open("a")).isEmpty();
        assertThat(sims.open("c")).isEmpty();
    }

    @Test
    void aCloseThatKeepsFailingBacksOffAlertsAndNoNewEntryIsMadeOnItsSymbol() {
        FundingArbEngine engine = sims.engine("stuck-close", Map.of("check_interval_seconds", 1,
                "max_position_age_hours", 0.01));
        ArbPosition position = openPosition(engine);
        sims.a.faults().failNext(SimOperation.SUBMIT, 100_000, Fault.UNAVAILABLE);
        sims.jump(Duration.ofMinutes(2));    // past the maximum age: the time-limit exit starts and fails
        long started = System.nanoTime();
        sims.tickUntil(engine, () -> !sims.events(ArbEvent.CLOSE_FAILING).isEmpty(), WAIT);
        int attemptsAtAlert = sims.store.find(position.id()).orElseThrow().closeAttempts();
        for (int i = 0; i < 50; i++) {
            engine.tick();
        }
        int attemptsLater = sims.store.find(position.id()).orElseThrow().closeAttempts();
        assertThat(attemptsLater - attemptsAtAlert).as("backed off: not one attempt per tick").isLessThan(10);
        assertThat(sims.events(ArbEvent.CLOSE_FAILING)).first().satisfies(e -> assertThat(e.isNotification()).isTrue());
        assertThat(sims.store.all()).filteredOn(p -> p.symbol().equals("BTC") && !p.id().equals(position.id()))
                .as("no re-entry on the pair while it is closing").isEmpty();
        assertThat(System.nanoTime() - started).isPositive();

        sims.a.faults().clear();
        sims.tickUntil(engine, () -> sims.store.find(position.id()).orElseThrow().status()
                == ArbPosition.Status.CLOSED, Duration.ofSeconds(60));
        assertEverythingHeldIsTracked("stuck-close");
    }

    @Test
    void aRateLimitStormOnOneVenueDuringAnEntryAndACloseSendsNoOrderTwiceAndRecovers() {
        FundingArbEngine engine = sims.engine("storm", Map.of("check_interval_seconds", 1,
                "max_position_age_hours", 0.02));
        sims.a.faults().rateLimitUntil(sims.clock.instant().plusSeconds(60), Duration.ofSeconds(5));
        for (int i = 0; i < 20; i++) {
            engine.tick();    // entries fail their pre-flight on a: nothing is sent
        }
        assertThat(sims.journal.all()).as("no order while a refuses everything").isEmpty();
        ArbPosition position = openPosition(engine);   // the storm is over (the clock runs at 200×)
        sims.a.faults().rateLimitUntil(sims.clock.instant().plusSeconds(60), Duration.ofSeconds(5));
        sims.jump(Duration.ofMinutes(2));
        sims.tickUntil(engine, () -> sims.store.find(position.id()).orElseThrow().status()
                == ArbPosition.Status.CLOSED, Duration.ofSeconds(60));
        assertEverythingHeldIsTracked("storm");
        assertThat(sims.journal.all()).extracting(o -> o.request().clientOrderId()).doesNotHaveDuplicates();
    }

    @Test
    void settlingAnInterruptedEntryClosesOnlyWhatTheRunsOwnOrdersHold() throws Exception {
        // failed before: the venue's whole position minus the run's other positions was taken as this entry's, so a
        // manual trade on the same market was closed as if it were the naked leg
        sims.c.exchange().submit(OrderRequest.market("manual-1", "BTC", Side.BUY, new BigDecimal("0.010"), false));
        BigDecimal tokens = new BigDecimal("0.005");
        ArbPosition intent = new ArbPosition("crash2", "run-own", "BTC",
                new ArbLeg("c", Side.BUY, tokens, null, null, null), new ArbLeg("a", Side.SELL, tokens, null, null, null),
                new BigDecimal("450"), new BigDecimal("-0.0003"), new BigDecimal("0.0003"), new BigDecimal("0.0006"),
                sims.clock.instant(), ArbPosition.Status.OPENING, null, null, BigDecimal.ZERO, 0, null, null, null,
                null, null, null);
        sims.store.save(intent);
        sims.gateway.submit(new OrderIntent("c", OrderRequest.market(intent.entryIdPrefix() + "l-m0", "BTC", Side.BUY,
                tokens, false), "entry", new BigDecimal("90000"), BigDecimal.ONE)).get(10, TimeUnit.SECONDS);
        assertThat(quantity(sims.c, "BTC")).isEqualByComparingTo("0.015");

        sims.engine("run-own", Map.of("max_positions", 1, "exclude_symbols", List.of("BTC"))).tick();

        assertThat(sims.store.find("crash2").orElseThrow().status()).isEqualTo(ArbPosition.Status.FAILED);
        assertThat(quantity(sims.c, "BTC")).as("the manual 0.010 is untouched").isEqualByComparingTo("0.010");
    }

    @Test
    void stopWithCloseWhereACloseFailsKeepsWatchingAndClosesOnceTheVenueAnswers() {
        // failed before: the stop reported success, removed the run and left the positions closing and unwatched
        FundingArbEngine engine = sims.engine("stop-close", Map.of("check_interval_seconds", 1));
        ArbPosition position = openPosition(engine);
        sims.a.faults().failNext(SimOperation.SUBMIT, 100_000, Fault.UNAVAILABLE);

        FundingArbEngine.StopResult stop = engine.closeAll(ExitReasons.STOP_WITH_CLOSE);

        assertThat(stop.closed()).isZero();
        assertThat(stop.remaining()).extracting(ArbPosition::id).containsExactly(position.id());
        assertThat(engine.entriesStopped()).isTrue();
        assertThat(engine.hasActivePositions()).isTrue();
        assertEverythingHeldIsTracked("stop-close");

        sims.a.faults().clear();
        sims.tickUntil(engine, () -> !engine.hasActivePositions(), Duration.ofSeconds(60));
        assertThat(quantity(sims.a, "BTC")).isZero();
        assertThat(quantity(sims.c, "BTC")).isZero();
        assertThat(sims.store.find(position.id()).orElseThrow().exitReason()).isEqualTo(ExitReasons.STOP_WITH_CLOSE);
    }

    @Test
    void aSecondRunOnTheSameAccountLeavesAMarketTheFirstHoldsAlone() {
        FundingArbEngine first = sims.engine("first", Map.of("check_interval_seconds", 1));
        openPosition(first);
        FundingArbEngine second = sims.engine("second", Map.of("check_interval_seconds", 1));
        for (int i = 0; i < 30; i++) {
            second.tick();
        }
        assertThat(sims.store.all()).filteredOn(p -> "second".equals(p.runId())).isEmpty();
    }

    @Test
    void aPositionWhoseLegsVanishedIsClosedOutsidePerpflowWithItsFeesKept() {
        FundingArbEngine engine = sims.engine("vanished", Map.of("check_interval_seconds", 1));
        ArbPosition position = openPosition(engine);
        BigDecimal fees = position.totalFees();
        assertThat(fees).isPositive();
        // the venues lose the legs and their history (a venue reset looks like this): fresh venues, same store
        try (ArbSimVenues reset = new ArbSimVenues(Duration.ofHours(1))) {
            sims.store.all().forEach(reset.store::save);
            FundingArbEngine after = reset.engine("vanished", Map.of("check_interval_seconds", 1,
                    "max_position_age_hours", 0.01));
            reset.jump(Duration.ofMinutes(2));
            reset.tickUntil(after, () -> reset.store.find(position.id()).orElseThrow().status()
                    == ArbPosition.Status.CLOSED, WAIT);
            ArbPosition closed = reset.store.find(position.id()).orElseThrow();
            assertThat(closed.exitReason()).isEqualTo(ExitReasons.CLOSED_OUTSIDE);
            assertThat(closed.totalFees()).as("fees already paid stay booked").isEqualByComparingTo(fees);
            assertThat(closed.error()).contains("not reconciled");
        }
    }

    @Test
    void aLegCompletedByHedgeOrdersShowsTheEntryPriceAndFeesOfItsFills() {
        // failed before: the hedged leg showed the sizing mid as its entry price and no fees while open
        sims.c.faults().rejectNext(1);    // c's entry order is refused: a's leg fills first and c is hedged
        FundingArbEngine engine = sims.engine("hedged", Map.of("check_interval_seconds", 1));
        ArbPosition position = openPosition(engine);
        assertThat(sims.journal.all()).anySatisfy(o -> assertThat(o.request().clientOrderId()).contains("-h-"));
        for (ArbLeg leg : List.of(position.longLeg(), position.shortLeg())) {
            List<dev.perpflow.exchange.model.Fill> fills = sims.client(leg.venue()).exchange()
                    .fillsSince(ArbSimVenues.START).stream().filter(f -> f.clientOrderId() != null
                            && f.clientOrderId().startsWith("fa-" + position.id() + "-")).toList();
            BigDecimal quantity = fills.stream().map(dev.perpflow.exchange.model.Fill::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal value = fills.stream().map(f -> f.quantity().multiply(f.price()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal fees = fills.stream().map(dev.perpflow.exchange.model.Fill::fee)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(leg.entryPrice()).as(leg.venue() + " entry price").isEqualByComparingTo(
                    value.divide(quantity, java.math.MathContext.DECIMAL64));
            assertThat(leg.fees()).as(leg.venue() + " fees").isEqualByComparingTo(fees);
        }
    }

    @Test
    void aFundingIntervalChangedByTheVenueWhileAPositionIsOpenReachesTheRunsMarkets() {
        // failed before: instruments were read once per run and cached for its whole life
        FundingArbEngine engine = sims.engine("interval", Map.of("check_interval_seconds", 1));
        ArbPosition position = openPosition(engine);
        assertThat(engine.instrument("a", "BTC").orElseThrow().fundingIntervalHours()).isEqualTo(8);
        sims.a.exchange().changeFundingInterval("BTC", 1);
        sims.jump(ArbRun.INSTRUMENTS_TTL.plusMinutes(1));
        engine.tick();
        assertThat(engine.instrument("a", "BTC").orElseThrow().fundingIntervalHours()).isEqualTo(1);
        assertThat(sims.store.find(position.id()).orElseThrow().status()).isEqualTo(ArbPosition.Status.OPEN);
    }
}
