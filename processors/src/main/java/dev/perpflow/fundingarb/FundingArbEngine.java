package dev.perpflow.fundingarb;

import dev.perpflow.execution.AtomicExecutor;
import dev.perpflow.execution.OrderExecutor;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.funding.FeeSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One funding-arbitrage run (the seed's {@code FundingArbitrageStrategy}): each {@link #tick()} first settles
 * anything interrupted (OPENING and CLOSING positions) against every venue — no entry happens before that
 * succeeds once — then monitors open positions and scans for new ones, each every {@code check_interval_seconds}.
 * Manual closes and reloads go through the same lock, so a position is never worked by two threads.
 */
public final class FundingArbEngine {

    private static final Logger LOG = LoggerFactory.getLogger(FundingArbEngine.class);

    /** The outcome of a close request (a wide spread answers with a warning unless confirmed). */
    public record CloseResult(boolean closed, boolean wideSpreadWarning, java.math.BigDecimal spread, String message,
            ArbPosition position) {
    }

    private final ArbRun run;
    private final ArbEntry entry;
    private final ArbExit exit;
    private final ArbRestart restart;
    private final BooleanSupplier entriesAllowed;
    private boolean reconciled;
    private Instant lastScan = Instant.EPOCH;
    private Instant lastMonitor = Instant.EPOCH;

    public FundingArbEngine(String runId, FundingArbConfig config, Map<String, ExchangeClient> venues,
            AtomicExecutor atomic, OrderExecutor executor, OrderGateway gateway, ArbPositionStore store,
            FundingView funding, FeeSchedule fees, Clock clock, Consumer<ArbEvent> events,
            BooleanSupplier entriesAllowed) {
        this.run = new ArbRun(runId, config, venues, atomic, executor, gateway, store, funding, fees, clock, events);
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

    /** One step of the run: settle what was interrupted, then monitor and scan when due. */
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
        if (!now.isBefore(lastScan.plus(interval)) && entriesAllowed.getAsBoolean()) {
            lastScan = now;
            entry.scan(run.store.active(run.id));
        }
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
        return new CloseResult(outcome.closed(), outcome.wideSpreadWarning(), outcome.spread(), outcome.message(),
                outcome.position());
    }

    /** Closes every open position of the run (stop with close); returns how many closed. */
    public synchronized int closeAll(String reason) {
        int closed = 0;
        for (ArbPosition position : run.store.active(run.id)) {
            if (position.status() == ArbPosition.Status.OPEN || position.status() == ArbPosition.Status.CLOSING) {
                if (exit.close(position, reason, CloseType.MARKET, true).closed()) {
                    closed++;
                }
            }
        }
        return closed;
    }

    public List<ArbPosition> activePositions() {
        return run.store.active(run.id);
    }

    private boolean settleInterrupted() {
        try {
            List<ArbPosition> active = run.store.active(run.id);
            for (ArbPosition position : active) {
                if (position.status() == ArbPosition.Status.OPENING) {
                    restart.settle(position, active);
                } else if (position.status() == ArbPosition.Status.CLOSING) {
                    exit.close(position, position.exitReason() == null ? ExitReasons.MANUAL_CLOSE : position.exitReason(),
                            CloseType.DEFAULT, true);
                }
            }
            if (!reconciled) {
                reconciled = true;
                LOG.info("[{}] reconciled with {}: {} active position(s)", run.id, run.venues.keySet(),
                        run.store.active(run.id).size());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("[{}] could not settle with the venues yet ({}); no new entries until it succeeds", run.id,
                    e.getMessage());
            return false;
        }
    }

    private void monitor() {
        Map<String, List<Position>> byVenue = new HashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (ArbPosition position : run.store.active(run.id)) {
            if (position.status() != ArbPosition.Status.OPEN) {
                continue;
            }
            try {
                for (String venue : List.of(position.longDex(), position.shortDex())) {
                    if (!byVenue.containsKey(venue) && !unavailable.containsKey(venue)) {
                        byVenue.put(venue, run.positions(venue));
                    }
                }
                exit.monitor(position, byVenue);
            } catch (RuntimeException e) {
                LOG.warn("[{}] monitoring {} {} failed: {}", run.id, position.id(), position.symbol(), e.getMessage());
                run.emit("monitor_error", ArbEvent.Level.WARNING, position.symbol(), String.valueOf(e.getMessage()),
                        Map.of("position_id", position.id()));
            }
        }
    }
}
