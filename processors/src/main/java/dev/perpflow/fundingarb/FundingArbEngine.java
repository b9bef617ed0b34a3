package dev.perpflow.fundingarb;

import dev.perpflow.execution.AtomicExecutor;
import dev.perpflow.execution.OrderExecutor;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.funding.FeeSchedule;
import dev.perpflow.risk.MarketClaims;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One funding-arbitrage run (the seed's {@code FundingArbitrageStrategy}): each {@link #tick()} first settles
 * anything interrupted (OPENING and CLOSING positions) against every venue — no entry happens before that
 * succeeds once — then monitors the positions and scans for new ones, each every {@code check_interval_seconds}.
 * Manual closes and reloads go through the same lock, so a position is never worked by two threads.
 *
 * <p>A close that fails is retried with a growing pause (the check interval, doubled after each failure, at most
 * {@link #MAX_CLOSE_PAUSE}), and the owner is told after {@value #ALERT_AFTER_FAILURES} failures; no new entry is
 * made on a symbol while one of its positions is opening or closing. While trading is halted the run waits: it
 * keeps monitoring, sends only protective closes (emergencies, naked legs, closes a person asked for), and counts
 * nothing as a failure. A run whose entries are stopped ({@link #stopEntries()}) keeps watching and closing what it
 * holds until it is flat.
 */
public final class FundingArbEngine {

    private static final Logger LOG = LoggerFactory.getLogger(FundingArbEngine.class);
    static final Duration MAX_CLOSE_PAUSE = Duration.ofMinutes(10);
    static final int ALERT_AFTER_FAILURES = 3;

    /** The outcome of a close request (a wide spread answers with a warning unless confirmed). */
    public record CloseResult(boolean closed, boolean wideSpreadWarning, java.math.BigDecimal spread, String message,
            ArbPosition position) {
    }

    /** What a stop with close achieved: positions closed now, and those still open or closing (watched until flat). */
    public record StopResult(int closed, List<ArbPosition> remaining) {
    }

    /** A close that failed: how often in a row and when it may be tried again. */
    private record CloseRetry(int failures, Instant next) {
    }

    private final ArbRun run;
    private final ArbEntry entry;
    private final ArbExit exit;
    private final ArbRestart restart;
    private final BooleanSupplier entriesAllowed;
    private final Map<String, CloseRetry> retries = new HashMap<>();
    private volatile boolean entriesStopped;
    private boolean reconciled;
    private Instant lastScan = Instant.EPOCH;
    private volatile boolean scanRequested;
    private Instant lastMonitor = Instant.EPOCH;

    public FundingArbEngine(String runId, FundingArbConfig config, Map<String, ExchangeClient> venues,
            AtomicExecutor atomic, OrderExecutor executor, OrderGateway gateway, ArbPositionStore store,
            FundingView funding, FeeSchedule fees, Clock clock, Consumer<ArbEvent> events,
            BooleanSupplier entriesAllowed, MarketClaims claims) {
        this.run = new ArbRun(runId, config, venues, atomic, executor, gateway, store, funding, fees, clock, events,
                claims);
        this.entry = new ArbEntry(run);
        this.exit = new ArbExit(run);
        this.restart = new ArbRestart(run);
        this.entriesAllowed = entriesAllowed;
    }

    public String id() {
        return run.id;
    }

    public FundingArbConfig config() {
        return run.config();
    }

    /** Hot reload: the next monitoring pass and scan use the new config. */
    public void reload(FundingArbConfig config) {
        run.replaceConfig(config);
        LOG.info("[{}] config reloaded", run.id);
    }

    public synchronized boolean isReconciled() {
        return reconciled;
    }

    /** No new entries from now on; positions are still monitored and closed as their exits say (a stopped run). */
    public void stopEntries() {
        entriesStopped = true;
    }

    public boolean entriesStopped() {
        return entriesStopped;
    }

    /** The opportunities changed: the next tick scans for entries, whenever the last scan was. */
    public void requestScan() {
        scanRequested = true;
    }

    /** Whether the run still holds or works on anything (OPENING, OPEN or CLOSING positions). */
    public boolean hasActivePositions() {
        return !run.store.active(run.id).isEmpty();
    }

    /**
     * One step of the run: settle what was interrupted, then monitor every check interval, and scan when a scan was
     * requested ({@link #requestScan}) or, at the latest, every check interval.
     */
    public synchronized void tick() {
        if (!settleInterrupted()) {
            return;
        }
        Instant now = run.clock.instant();
        Duration interval = run.config().checkInterval();
        if (!now.isBefore(lastMonitor.plus(interval))) {
            lastMonitor = now;
            monitor();
        }
        boolean scanDue = scanRequested || !now.isBefore(lastScan.plus(interval));
        if (!entriesStopped && scanDue && entriesAllowed.getAsBoolean()) {
            lastScan = now;
            scanRequested = false;
            entry.scan(run.store.active(run.id));
        }
        releaseIdleClaims();
    }

    /** Closes a position on request (API, chat). A market close into a spread over 2 % needs {@code confirmWideSpread}. */
    public synchronized CloseResult close(String positionId, CloseType type, String reason, boolean confirmWideSpread) {
        ArbPosition position = run.store.find(positionId).filter(p -> run.id.equals(p.runId()))
                .orElseThrow(() -> new IllegalArgumentException("run " + run.id + " has no position " + positionId));
        if (position.status() != ArbPosition.Status.OPEN && position.status() != ArbPosition.Status.CLOSING) {
            throw new IllegalStateException("position " + positionId + " is " + position.status().name().toLowerCase(
                    java.util.Locale.ROOT) + ", not open");
        }
        if (type == CloseType.MARKET && !confirmWideSpread) {
            java.math.BigDecimal spread = exit.widestSpread(position);
            if (spread.compareTo(FundingArbConfig.MAX_EXIT_SPREAD) > 0) {
                return new CloseResult(false, true, spread, "spread " + ArbEntry.percent(spread)
                        + " % exceeds 2 %; confirm to close at market anyway", position);
            }
        }
        ArbExit.CloseOutcome outcome = exit.close(position, reason, type, true);
        recordOutcome(outcome);
        return new CloseResult(outcome.closed(), outcome.wideSpreadWarning(), outcome.spread(), outcome.message(),
                outcome.position());
    }

    /**
     * Stops entries and closes every open or closing position at market (stop with close). What does not close now
     * stays CLOSING and is retried by the ticks until flat; the result says what is still held.
     */
    public synchronized StopResult closeAll(String reason) {
        stopEntries();
        int closed = 0;
        for (ArbPosition position : run.store.active(run.id)) {
            if (position.status() == ArbPosition.Status.OPEN || position.status() == ArbPosition.Status.CLOSING) {
                ArbExit.CloseOutcome outcome;
                try {
                    outcome = exit.close(position, reason, CloseType.MARKET, true);
                } catch (RuntimeException e) {
                    LOG.warn("[{}] stop with close of {} {} failed: {}", run.id, position.id(), position.symbol(),
                            e.getMessage());
                    run.store.save(run.store.find(position.id()).orElse(position).status() == ArbPosition.Status.OPEN
                            ? position.closing(reason) : run.store.find(position.id()).orElse(position));
                    recordFailure(position, String.valueOf(e.getMessage()));
                    continue;
                }
                recordOutcome(outcome);
                if (outcome.closed()) {
                    closed++;
                }
            }
        }
        return new StopResult(closed, run.store.active(run.id));
    }

    /** The venue's market as the run sees it now (its instruments cache; for tests and views). */
    java.util.Optional<dev.perpflow.exchange.model.Instrument> instrument(String venue, String symbol) {
        return run.instrument(venue, symbol);
    }

    public List<ArbPosition> activePositions() {
        return run.store.active(run.id);
    }

    private boolean settleInterrupted() {
        List<ArbPosition> active;
        try {
            active = run.store.active(run.id);
            for (ArbPosition position : active) {
                if (position.status() == ArbPosition.Status.OPENING) {
                    restart.settle(position, active);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("[{}] could not settle with the venues yet ({}); no new entries until it succeeds", run.id,
                    e.getMessage());
            return false;
        }
        if (!reconciled) {
            reconciled = true;
            active = run.store.active(run.id);
            for (ArbPosition p : active) {
                for (String venue : List.of(p.longDex(), p.shortDex())) {
                    run.claim(venue, p.symbol()).ifPresent(holder -> LOG.warn("[{}] {} on {} of position {} is "
                            + "claimed by run {} too: they share the venue's position", run.id, p.symbol(), venue,
                            p.id(), holder));
                }
            }
            LOG.info("[{}] reconciled with {}: {} active position(s)", run.id, run.venues.keySet(), active.size());
        }
        for (ArbPosition position : run.store.active(run.id)) {
            if (position.status() == ArbPosition.Status.CLOSING && due(position)) {
                retryClose(position);
            }
        }
        return true;
    }

    /** Retries an unfinished close; a failure is counted for the pause, never thrown (other positions go on). */
    private void retryClose(ArbPosition position) {
        String reason = position.exitReason() == null ? ExitReasons.MANUAL_CLOSE : position.exitReason();
        try {
            recordOutcome(exit.close(position, reason, CloseType.DEFAULT, true));
        } catch (RuntimeException e) {
            LOG.warn("[{}] close of {} {} failed: {}", run.id, position.id(), position.symbol(), e.getMessage());
            recordFailure(position, String.valueOf(e.getMessage()));
        }
    }

    private boolean due(ArbPosition position) {
        CloseRetry retry = retries.get(position.id());
        return retry == null || !run.clock.instant().isBefore(retry.next());
    }

    private void recordOutcome(ArbExit.CloseOutcome outcome) {
        if (outcome.closed()) {
            retries.remove(outcome.position().id());
        } else if (outcome.failed()) {
            recordFailure(outcome.position(), outcome.message());
        }
    }

    /** Counts a failed close, pauses the next try (doubling), and tells the owner when it keeps failing. */
    private void recordFailure(ArbPosition position, String why) {
        CloseRetry previous = retries.get(position.id());
        int failures = previous == null ? 1 : previous.failures() + 1;
        Duration pause = run.config().checkInterval().multipliedBy(1L << Math.min(failures - 1, 16));
        if (pause.compareTo(MAX_CLOSE_PAUSE) > 0) {
            pause = MAX_CLOSE_PAUSE;
        }
        retries.put(position.id(), new CloseRetry(failures, run.clock.instant().plus(pause)));
        if (failures == ALERT_AFTER_FAILURES || failures > ALERT_AFTER_FAILURES && failures % 10 == 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("position_id", position.id());
            details.put("failures", failures);
            details.put("next_try_seconds", pause.toSeconds());
            run.emit(ArbEvent.CLOSE_FAILING, ArbEvent.Level.ERROR, position.symbol(), position.symbol() + " close ("
                    + position.exitReason() + ") failed " + failures + " times in a row (" + why + "); retrying every "
                    + pause.toSeconds() + " s, no new entry on it meanwhile", details);
        }
    }

    private void monitor() {
        Map<String, List<Position>> byVenue = new HashMap<>();
        for (ArbPosition position : run.store.active(run.id)) {
            if (position.status() != ArbPosition.Status.OPEN && position.status() != ArbPosition.Status.CLOSING) {
                continue;
            }
            try {
                for (String venue : List.of(position.longDex(), position.shortDex())) {
                    if (!byVenue.containsKey(venue)) {
                        byVenue.put(venue, run.positions(venue));
                    }
                }
                if (position.status() == ArbPosition.Status.OPEN) {
                    exit.monitor(position, byVenue);
                } else if (exit.liquidationRisk(position, byVenue) != null) {
                    // a close waiting for its next try is not left to run into a liquidation: try it now
                    retries.remove(position.id());
                    retryClose(run.store.find(position.id()).orElse(position));
                }
            } catch (RuntimeException e) {
                LOG.warn("[{}] monitoring {} {} failed: {}", run.id, position.id(), position.symbol(), e.getMessage());
                run.emit("monitor_error", ArbEvent.Level.WARNING, position.symbol(), String.valueOf(e.getMessage()),
                        Map.of("position_id", position.id()));
            }
        }
    }

    /** Gives back the claims on markets this run holds nothing of any more. */
    private void releaseIdleClaims() {
        Set<String> held = run.store.active(run.id).stream()
                .flatMap(p -> java.util.stream.Stream.of(p.longDex() + '|' + p.symbol(), p.shortDex() + '|' + p.symbol()))
                .collect(Collectors.toSet());
        for (String claimed : run.claimed()) {
            if (!held.contains(claimed)) {
                String[] parts = claimed.split("\\|", 2);
                run.release(parts[0], parts[1]);
            }
        }
    }
}
