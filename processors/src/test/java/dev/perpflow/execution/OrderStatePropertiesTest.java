package dev.perpflow.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Liquidity;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever order the venue's reports arrive in, duplicated or stale: filled never exceeds the quantity nor goes
 * down, a terminal state is final, the position equals the sum of fills, and a trade id counts once.
 */
class OrderStatePropertiesTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final BigDecimal QUANTITY = BigDecimal.TEN;

    record Report(OrderStatus status, int filled) {
    }

    @Provide
    Arbitrary<List<Report>> reports() {
        Arbitrary<Report> report = Combinators.combine(Arbitraries.of(OrderStatus.values()), Arbitraries.integers().between(0, 10))
                .as(Report::new);
        return report.list().ofMinSize(1).ofMaxSize(30);
    }

    private static Order order(Report report) {
        return new Order("v", "c1", "x1", "BTC", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, QUANTITY, BigDecimal.ONE,
                BigDecimal.valueOf(report.filled()), null, report.status(), false, null, T, T);
    }

    private static InMemoryOrderJournal journalWithIntent() {
        InMemoryOrderJournal journal = new InMemoryOrderJournal();
        journal.recordIntent("v", new OrderRequest("c1", "BTC", Side.BUY, QUANTITY, BigDecimal.ONE, OrderType.LIMIT,
                TimeInForce.GTC, false), "p", T);
        return journal;
    }

    @Property
    void filledNeverExceedsQuantityNorDecreases(@ForAll("reports") List<Report> reports) {
        InMemoryOrderJournal journal = journalWithIntent();
        BigDecimal previous = BigDecimal.ZERO;
        for (Report report : reports) {
            JournaledOrder after = journal.recordOrder(order(report), T);
            assertThat(after.filledQuantity()).isLessThanOrEqualTo(QUANTITY).isGreaterThanOrEqualTo(previous);
            previous = after.filledQuantity();
        }
    }

    @Property
    void terminalStatesAreFinal(@ForAll("reports") List<Report> reports) {
        InMemoryOrderJournal journal = journalWithIntent();
        OrderStatus terminal = null;
        for (Report report : reports) {
            OrderStatus status = journal.recordOrder(order(report), T).status();
            if (terminal != null) {
                assertThat(status).isEqualTo(terminal);
            } else if (status.isTerminal()) {
                terminal = status;
            }
        }
    }

    @Property
    void aTradeIdIsAppliedOnceAndThePositionIsTheSumOfFills(
            @ForAll("fills") List<Fill> fills) {
        InMemoryOrderJournal journal = new InMemoryOrderJournal();
        List<String> seen = new ArrayList<>();
        BigDecimal position = BigDecimal.ZERO;
        for (Fill fill : fills) {
            boolean applied = journal.recordFill(fill);
            assertThat(applied).isEqualTo(!seen.contains(fill.tradeId()));
            if (applied) {
                seen.add(fill.tradeId());
                position = position.add(fill.quantity().multiply(fill.side().sign()));
            }
        }
        BigDecimal journaled = journal.fills("v", "c1").stream()
                .map(f -> f.quantity().multiply(f.side().sign())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(journaled).isEqualByComparingTo(position);
    }

    @Provide
    Arbitrary<List<Fill>> fills() {
        Arbitrary<Fill> fill = Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.of(Side.values()),
                Arbitraries.integers().between(1, 5)).as((id, side, qty) -> new Fill("v", "t" + id, "c1", "x1", "BTC",
                side, BigDecimal.ONE, BigDecimal.valueOf(qty), BigDecimal.ZERO, "USDT", Liquidity.TAKER, T));
        // the same trade id always carries the same fill, as a duplicated venue event would
        return fill.list().ofMaxSize(20).map(list -> {
            List<Fill> consistent = new ArrayList<>();
            for (Fill f : list) {
                consistent.add(consistent.stream().filter(c -> c.tradeId().equals(f.tradeId())).findFirst().orElse(f));
            }
            return consistent;
        });
    }
}
