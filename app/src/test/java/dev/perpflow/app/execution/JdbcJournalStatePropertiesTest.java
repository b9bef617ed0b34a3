package dev.perpflow.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.execution.JournaledOrder;
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
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The PostgreSQL journal under random event orders — venue reports (duplicated, stale, out of order), unknown
 * outcomes, rejections, cancel requests, a venue that no longer knows the order, and fills reported twice: filled
 * never exceeds the quantity nor goes down, a terminal state is final, a cancel request is never lost, and each
 * fill counts once.
 */
class JdbcJournalStatePropertiesTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final BigDecimal QUANTITY = BigDecimal.TEN;
    private static TestDatabase db;

    @BeforeContainer
    static void start() {
        db = TestDatabase.start();
    }

    @AfterContainer
    static void stop() {
        db.close();
    }

    /** One thing that can happen to a journaled order. */
    sealed interface Event permits Report, Unknown, Rejected, CancelRequest, Gone {
    }

    record Report(OrderStatus status, int filled) implements Event {
    }

    record Unknown() implements Event {
    }

    record Rejected() implements Event {
    }

    record CancelRequest() implements Event {
    }

    record Gone(OrderStatus end) implements Event {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Event> report = Combinators.combine(Arbitraries.of(OrderStatus.values()),
                Arbitraries.integers().between(0, 10)).as(Report::new);
        Arbitrary<Event> event = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, report),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Unknown())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Rejected())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new CancelRequest())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(new Gone(OrderStatus.CANCELED), new Gone(OrderStatus.REJECTED))));
        return event.list().ofMinSize(1).ofMaxSize(25);
    }

    private static JdbcOrderJournal journalWithIntent() {
        JdbcOrderJournal journal = new JdbcOrderJournal(db.database().dataSource(), "prop-" + UUID.randomUUID());
        journal.recordIntent("v", new OrderRequest("c1", "BTC", Side.BUY, QUANTITY, BigDecimal.ONE, OrderType.LIMIT,
                TimeInForce.GTC, false), "p", T);
        return journal;
    }

    private static JournaledOrder apply(JdbcOrderJournal journal, Event event) {
        if (event instanceof Report r) {
            return journal.recordOrder(new Order("v", "c1", "x1", "BTC", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                    QUANTITY, BigDecimal.ONE, BigDecimal.valueOf(r.filled()), null, r.status(), false, null, T, T), T);
        }
        if (event instanceof Unknown) {
            return journal.markUnknown("v", "c1", "timeout", T);
        }
        if (event instanceof Rejected) {
            return journal.markRejected("v", "c1", "refused", T);
        }
        if (event instanceof CancelRequest) {
            return journal.markCancelRequested("v", "c1", T);
        }
        return journal.markGone("v", "c1", ((Gone) event).end(), "the venue no longer knows it", T);
    }

    @Property(tries = 60)
    void filledNeverExceedsTheQuantityNorDecreasesAndTerminalStatesAreFinal(@ForAll("events") List<Event> events) {
        JdbcOrderJournal journal = journalWithIntent();
        BigDecimal previous = BigDecimal.ZERO;
        OrderStatus terminal = null;
        boolean cancelRequested = false;
        for (Event event : events) {
            JournaledOrder after = apply(journal, event);
            cancelRequested |= event instanceof CancelRequest;
            assertThat(after.filledQuantity()).isLessThanOrEqualTo(QUANTITY).isGreaterThanOrEqualTo(previous);
            previous = after.filledQuantity();
            if (terminal != null) {
                assertThat(after.status()).isEqualTo(terminal);
            } else if (after.status().isTerminal()) {
                terminal = after.status();
            }
            assertThat(after.cancelRequested()).as("a cancel request is never lost").isEqualTo(cancelRequested);
            assertThat(journal.find("v", "c1")).contains(after);
        }
        assertThat(journal.unresolved().isEmpty()).isEqualTo(terminal != null);
    }

    @Property(tries = 40)
    void aFillReportedTwiceCountsOnceAndEveryTradeIsKept(@ForAll("fills") List<Fill> fills) {
        JdbcOrderJournal journal = new JdbcOrderJournal(db.database().dataSource(), "prop-" + UUID.randomUUID());
        List<String> seen = new ArrayList<>();
        BigDecimal position = BigDecimal.ZERO;
        for (Fill fill : fills) {
            String identity = fill.tradeId() + "@" + fill.timestamp();
            boolean applied = journal.recordFill(fill);
            assertThat(applied).isEqualTo(!seen.contains(identity));
            if (applied) {
                seen.add(identity);
                position = position.add(fill.quantity().multiply(fill.side().sign()));
            }
        }
        BigDecimal journaled = journal.fills("v", "c1").stream()
                .map(f -> f.quantity().multiply(f.side().sign())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(journaled).isEqualByComparingTo(position);
    }

    /** Fills of one order; a trade id comes back either as the same fill or, rarely, reused for another trade. */
    @Provide
    Arbitrary<List<Fill>> fills() {
        Arbitrary<Fill> fill = Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.of(Side.values()),
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 1)).as((id, side, qty, era) ->
                new Fill("v", "t" + id, "c1", "x1", "BTC", side, BigDecimal.ONE.add(BigDecimal.valueOf(era)),
                        BigDecimal.valueOf(qty), BigDecimal.ZERO, "USDT", Liquidity.TAKER, T.plusSeconds(3600L * era)));
        return fill.list().ofMaxSize(16).map(list -> {
            List<Fill> consistent = new ArrayList<>();
            for (Fill f : list) {
                consistent.add(consistent.stream().filter(c -> c.tradeId().equals(f.tradeId())
                        && c.timestamp().equals(f.timestamp())).findFirst().orElse(f));
            }
            return consistent;
        });
    }
}
