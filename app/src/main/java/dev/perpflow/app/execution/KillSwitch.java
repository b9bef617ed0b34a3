package dev.perpflow.app.execution;

import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.events.DomainEvent;
import dev.perpflow.app.events.EventOutbox;
import dev.perpflow.execution.OrderGateway;
import dev.perpflow.execution.TradingControl;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.TradingState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HALT and resume as the app does them (REST, Telegram, the daily loss limit): the halt takes effect and every
 * covered account's working orders are cancelled before anything touches the database; the audit entry and the
 * notification are written afterwards, best effort (logged when the database cannot take them). A resume is saved
 * first and refused when it cannot be.
 */
public final class KillSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    /** What a halt did: the state now, orders cancelled, cancels that failed (by order) and accounts not answered. */
    public record HaltReport(TradingState state, List<String> cancelled, Map<String, String> failed) {
    }

    private final TradingControl control;
    private final Supplier<AuditLog> audit;
    private final Supplier<EventOutbox> events;
    private final Clock clock;
    private volatile java.util.function.Consumer<String> onAccountResume = account -> { };
    /** Audit entries and events are written here, after the answer: the database may not be answering. */
    private final java.util.concurrent.ExecutorService recorder = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "kill-switch-record");
                thread.setDaemon(true);
                return thread;
            });

    public KillSwitch(RiskGuard risk, Supplier<List<OrderGateway>> gateways, Supplier<AuditLog> audit,
            Supplier<EventOutbox> events, Clock clock) {
        this.control = new TradingControl(risk, () -> new ArrayList<>(gateways.get()));
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public TradingControl control() {
        return control;
    }

    /** Called with the account after an account's halt is lifted (the daily loss limit starts counting again). */
    public void onAccountResume(java.util.function.Consumer<String> listener) {
        this.onAccountResume = listener;
    }

    /** Halts {@code scope} ({@link RiskGuard#GLOBAL} or an account) for {@code who}, cancels, then records it. */
    public HaltReport halt(String scope, String who, String reason) {
        var pass = control.halt(scope, reason);
        List<String> cancelled = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        try {
            for (OrderGateway.CancelReport report : pass.get(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                report.cancelled().forEach(id -> cancelled.add(report.account() + ":" + id));
                report.failed().forEach((id, why) -> failed.put(report.account() + ":" + id, why));
            }
        } catch (TimeoutException e) {
            failed.put("*", "some venues did not answer the cancels within " + CANCEL_WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            failed.put("*", String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.put("*", "interrupted");
        }
        String scopeText = RiskGuard.GLOBAL.equals(scope) ? "every account" : "account " + scope;
        record(who, "halt", scope, reason, "Trading halted for " + scopeText + " by " + who
                + (reason == null ? "" : ": " + reason) + "; " + cancelled.size() + " order(s) cancelled"
                + (failed.isEmpty() ? "" : ", " + failed.size() + " cancel(s) failed: " + failed));
        return new HaltReport(control.state(RiskGuard.GLOBAL.equals(scope) ? RiskGuard.GLOBAL : scope), cancelled,
                failed);
    }

    /** Lifts {@code scope}'s halt; throws when the state cannot be saved (it stays halted then). */
    public TradingState resume(String scope, String who, String reason) {
        control.resume(scope, reason);
        if (!RiskGuard.GLOBAL.equals(scope)) {
            try {
                onAccountResume.accept(scope);
            } catch (RuntimeException e) {
                LOG.warn("After resuming {}: {}", scope, e.getMessage());
            }
        }
        String scopeText = RiskGuard.GLOBAL.equals(scope) ? "every account" : "account " + scope;
        record(who, "resume", scope, reason, "Trading resumed for " + scopeText + " by " + who
                + (reason == null ? "" : ": " + reason));
        return RiskGuard.GLOBAL.equals(scope) ? control.state() : control.state(scope);
    }

    private void record(String who, String action, String scope, String reason, String message) {
        recorder.execute(() -> write(who, action, scope, reason, message));
    }

    private void write(String who, String action, String scope, String reason, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", scope);
        details.put("reason", String.valueOf(reason));
        if (!RiskGuard.GLOBAL.equals(scope)) {
            details.put("account", scope);
        }
        try {
            audit.get().record(who, action, null, details);
        } catch (RuntimeException e) {
            LOG.warn("{} by {} not written to the audit log ({}): {}", action, who, e.getMessage(), message);
        }
        details.put("by", who);
        details.put("message", message);
        try {
            events.get().publish(new DomainEvent(action, DomainEvent.Level.WARNING, clock.instant(),
                    RiskGuard.GLOBAL.equals(scope) ? null : scope, null, details));
        } catch (RuntimeException e) {
            LOG.warn("{} event not stored ({}): {}", action, e.getMessage(), message);
        }
    }
}
