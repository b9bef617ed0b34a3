package dev.perpflow.fundingarb;

import static dev.perpflow.fundingarb.ArbSimVenues.quantity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.execution.JournaledOrder;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A crash between the two legs' fills: the position was persisted as OPENING and its long leg filled, then the
 * process died. The next run settles it before any new entry — hedged or flat, never with a reused order id.
 */
class InterruptedEntryTest {

    private final ArbSimVenues sims = new ArbSimVenues();

    @AfterEach
    void close() {
        sims.close();
    }

    /** What the crashed process left behind: the intent, and the long leg's entry order filled on venue c. */
    private ArbPosition crashAfterTheLongLegFilled() throws Exception {
        BigDecimal tokens = new BigDecimal("0.005");
        ArbPosition intent = new ArbPosition("crash1", "run-x", "BTC",
                new ArbLeg("c", Side.BUY, tokens, null, null, null), new ArbLeg("a", Side.SELL, tokens, null, null, null),
                new BigDecimal("450"), new BigDecimal("-0.0003"), new BigDecimal("0.0003"), new BigDecimal("0.0006"),
                sims.clock.instant(), ArbPosition.Status.OPENING, null, null, BigDecimal.ZERO, 0, null, null, null,
                null, null, null);
        sims.store.save(intent);
        sims.gateway.submit(new OrderIntent("c", OrderRequest.market(intent.entryIdPrefix() + "l-m0", "BTC", Side.BUY,
                tokens, false), "entry", new BigDecimal("90000"), BigDecimal.ONE)).get(10, TimeUnit.SECONDS);
        assertThat(quantity(sims.c, "BTC")).isEqualByComparingTo(tokens);
        assertThat(quantity(sims.a, "BTC")).isZero();
        return intent;
    }

    @Test
    void aNakedLegIsClosedBeforeAnyNewEntryByDefault() throws Exception {
        ArbPosition intent = crashAfterTheLongLegFilled();
        FundingArbEngine restarted = sims.engine("run-x", Map.of("max_positions", 1));

        restarted.tick();

        assertThat(restarted.isReconciled()).isTrue();
        ArbPosition settled = sims.store.find(intent.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(ArbPosition.Status.FAILED);
        assertThat(settled.error()).contains("unmatched legs");
        BigDecimal heldByNewPositions = sims.store.all().stream().filter(p -> p.status() == ArbPosition.Status.OPEN)
                .map(p -> p.longLeg().tokens()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(quantity(sims.c, "BTC")).as("the naked long was closed; only new, hedged entries remain")
                .isEqualByComparingTo(heldByNewPositions);
        assertThat(quantity(sims.a, "BTC").negate()).isEqualByComparingTo(heldByNewPositions);
        assertThat(sims.events("naked_leg_closed")).hasSize(1);
        assertNoClientOrderIdSentTwice();
    }

    @Test
    void aNakedLegIsHedgedWhenTheConfigSaysSo() throws Exception {
        ArbPosition intent = crashAfterTheLongLegFilled();
        FundingArbEngine restarted = sims.engine("run-x", Map.of("naked_leg_action", "hedge", "max_positions", 1));

        sims.tickUntil(restarted, () -> sims.store.find(intent.id()).orElseThrow().status() != ArbPosition.Status.OPENING,
                Duration.ofSeconds(30));

        ArbPosition settled = sims.store.find(intent.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(ArbPosition.Status.OPEN);
        assertThat(quantity(sims.a, "BTC")).as("the short leg was opened to match").isEqualByComparingTo("-0.005");
        assertThat(settled.longLeg().tokens()).isEqualByComparingTo("0.005");
        assertThat(settled.sizeUsd()).isPositive();
        assertNoClientOrderIdSentTwice();
    }

    @Test
    void aFailedPositionReportIsNeverTakenForFlat() throws Exception {
        ArbPosition intent = crashAfterTheLongLegFilled();
        sims.a.faults().failNextRequests(1_000);
        FundingArbEngine restarted = sims.engine("run-x", Map.of());

        restarted.tick();

        assertThat(restarted.isReconciled()).isFalse();
        assertThat(sims.store.find(intent.id()).orElseThrow().status()).isEqualTo(ArbPosition.Status.OPENING);
        assertThat(quantity(sims.c, "BTC")).isEqualByComparingTo("0.005");
        assertThat(sims.store.all()).hasSize(1);

        sims.a.faults().clear();
        restarted.tick();
        assertThat(restarted.isReconciled()).isTrue();
        assertThat(sims.store.find(intent.id()).orElseThrow().status()).isEqualTo(ArbPosition.Status.FAILED);
    }

    private void assertNoClientOrderIdSentTwice() {
        List<String> ids = sims.journal.all().stream().map(JournaledOrder::request).map(OrderRequest::clientOrderId).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).filteredOn(id -> id.startsWith("fa-crash1-")).hasSizeGreaterThan(1);
    }
}
