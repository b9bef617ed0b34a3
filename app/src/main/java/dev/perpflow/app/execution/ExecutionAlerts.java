package dev.perpflow.app.execution;

import dev.perpflow.app.events.DomainEvent;
import dev.perpflow.app.events.EventOutbox;
import dev.perpflow.app.events.EventTypes;
import dev.perpflow.execution.Alerts;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an account's execution core reports what a human must look at (an unknown outcome left unresolved, a cancel
 * that failed during a halt, an order given up, a naked leg): the log at ERROR and an {@code execution_alert} event, which the
 * notifications route takes to the account's owner on Telegram. While the database cannot take it, the alert waits in memory (bounded)
 * and goes out with the next one or the next {@link #flush()}.
 */
public final class ExecutionAlerts implements Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionAlerts.class);
    private static final int MAX_PENDING = 1_000;

    private final String account;
    private final EventOutbox events;
    private final Clock clock;
    private final Deque<String> pending = new ArrayDeque<>();

    public ExecutionAlerts(String account, EventOutbox events, Clock clock) {
        this.account = account;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void raise(String message) {
        LOG.error("ALERT [{}]: {}", account, message);
        synchronized (pending) {
            if (pending.size() >= MAX_PENDING) {
                pending.pollFirst();
            }
            pending.addLast(message);
        }
        flush();
    }

    /** Sends what is waiting; what the database refuses stays for the next try. */
    public void flush() {
        while (true) {
            String next;
            synchronized (pending) {
                next = pending.peekFirst();
            }
            if (next == null) {
                return;
            }
            try {
                events.publish(new DomainEvent(EventTypes.EXECUTION_ALERT, DomainEvent.Level.ERROR, clock.instant(),
                        account, null, Map.of("message", next)));
            } catch (RuntimeException e) {
                LOG.warn("Alert for {} not stored yet ({}); kept for the next try", account, e.getMessage());
                return;
            }
            synchronized (pending) {
                pending.remove(next);
            }
        }
    }
}
