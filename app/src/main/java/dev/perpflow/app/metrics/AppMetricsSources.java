package dev.perpflow.app.metrics;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.execution.AccountTrading;
import dev.perpflow.app.execution.ExecutionCore;
import dev.perpflow.app.fundingarb.FundingArbRuns;
import dev.perpflow.app.grid.GridRuns;
import dev.perpflow.app.notifications.NotificationOutbox;
import dev.perpflow.fundingarb.ArbPosition;
import dev.perpflow.grid.GridEngine;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.TradingState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's live state for the gauges. What is in memory (streams, trading states, grids) is read at each scrape;
 * what needs the database (funding-arbitrage positions, pending notifications, the list of accounts) is read at most
 * once per {@link #DATABASE_TTL} however often Prometheus (or several of them) scrapes, so a scrape never costs more
 * than a few cheap queries.
 */
public final class AppMetricsSources implements MetricsSources {

    static final Duration DATABASE_TTL = Duration.ofSeconds(5);
    private static final Duration ACCOUNTS_TTL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AppMetricsSources.class);

    /** Funding-arbitrage positions as one read: open positions and net PnL by run. */
    private record ArbSnapshot(int open, Map<String, BigDecimal> pnlByRun) {
    }

    private final AccountTrading trading;
    private final RiskGuard risk;
    private final FundingArbRuns arbs;
    private final GridRuns grids;
    private final Cached<ArbSnapshot> arbPositions;
    private final Cached<Long> pending;
    private final Cached<List<String>> accounts;

    public AppMetricsSources(AccountTrading trading, RiskGuard risk, FundingArbRuns arbs, GridRuns grids,
            NotificationOutbox notifications, Supplier<AccountRepository> accountRepository) {
        this.trading = trading;
        this.risk = risk;
        this.arbs = arbs;
        this.grids = grids;
        this.arbPositions = new Cached<>(DATABASE_TTL, this::readArbPositions, new ArbSnapshot(0, Map.of()));
        this.pending = new Cached<>(DATABASE_TTL, () -> {
            try {
                return notifications.pending();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, -1L);
        this.accounts = new Cached<>(ACCOUNTS_TTL, () -> accountRepository.get().list(null).stream()
                .filter(AccountRepository.Account::active).map(a -> a.owner() + "/" + a.name()).toList(), List.of());
    }

    /** Each venue's order stream: 1 only while it is connected for every account trading there. */
    @Override
    public Map<String, Map<String, Boolean>> streamsUp() {
        Map<String, Map<String, Boolean>> byVenue = new TreeMap<>();
        for (ExecutionCore core : trading.cores()) {
            core.orderStreamsUp().forEach((venue, up) -> byVenue.computeIfAbsent(venue, v -> new TreeMap<>())
                    .merge("orders", up, Boolean::logicalAnd));
        }
        return byVenue;
    }

    @Override
    public Map<String, Integer> openPositions() {
        int gridPositions = 0;
        for (String runId : grids.runningIds()) {
            GridEngine engine = grids.engine(runId);
            if (engine != null) {
                gridPositions += engine.state().tracked().size();
            }
        }
        return Map.of(FundingArbRuns.STRATEGY, arbPositions.get().open(), "grid", gridPositions);
    }

    @Override
    public Map<String, BigDecimal> positionPnlUsd() {
        return arbPositions.get().pnlByRun();
    }

    /** {@code default}, every active account in the database, and any other scope a halt names. */
    @Override
    public Map<String, TradingState> tradingStates() {
        Map<String, TradingState> states = new TreeMap<>();
        states.put(AccountTrading.DEFAULT, risk.state(AccountTrading.DEFAULT));
        accounts.get().forEach(account -> states.put(account, risk.state(account)));
        risk.restrictions().keySet().stream().filter(scope -> !scope.equals(RiskGuard.GLOBAL))
                .forEach(scope -> states.put(scope, risk.state(scope)));
        return states;
    }

    /** The count; -1 until the database could be asked, the last count while it cannot be (logged). */
    @Override
    public long notificationsPending() {
        return pending.get();
    }

    private ArbSnapshot readArbPositions() {
        int open = 0;
        Map<String, BigDecimal> pnl = new TreeMap<>();
        for (String runId : arbs.runningIds()) {
            List<ArbPosition> active = arbs.engine(runId).map(e -> e.activePositions()).orElse(List.of());
            open += active.size();
            pnl.put(runId, active.stream().map(ArbPosition::netPnlUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return new ArbSnapshot(open, pnl);
    }

    /** A value read at most once per time to live; a failed read keeps the previous value and logs why. */
    private static final class Cached<T> {
        private final long ttlNanos;
        private final Supplier<T> read;
        private T value;
        private long readAt;
        private boolean loaded;

        Cached(Duration ttl, Supplier<T> read, T initial) {
            this.ttlNanos = ttl.toNanos();
            this.read = read;
            this.value = initial;
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (!loaded || now - readAt >= ttlNanos) {
                readAt = now;
                loaded = true;
                try {
                    value = read.get();
                } catch (RuntimeException e) {
                    LOG.warn("A metric could not be read ({}); it keeps its last value", e.getMessage());
                }
            }
            return value;
        }
    }
}
