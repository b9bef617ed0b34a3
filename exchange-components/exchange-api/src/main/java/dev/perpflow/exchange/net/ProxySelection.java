package dev.perpflow.exchange.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of an account's proxies its traffic uses now. Assignments are ordered by (priority, status rank, label);
 * the current proxy is the first {@link ProxyStatus#ACTIVE} one, else the first {@link ProxyStatus#STANDBY} one,
 * never a {@link ProxyStatus#BURNED} one. {@link #rotate()} burns the current proxy and moves to the next; when
 * none is left there is no current proxy, and callers must stop rather than fall back to a direct connection.
 *
 * <p>Thread-safe. It holds no database state: the caller persists status changes ({@link #assignments()}).
 */
public final class ProxySelection {

    private final List<ProxyAssignment> assignments;

    public ProxySelection(Collection<ProxyAssignment> assignments) {
        Set<String> labels = new HashSet<>();
        for (ProxyAssignment assignment : assignments) {
            if (!labels.add(assignment.label())) {
                throw new IllegalArgumentException("proxy '" + assignment.label() + "' is assigned twice");
            }
        }
        this.assignments = new ArrayList<>(assignments);
        this.assignments.sort(ProxyAssignment.SELECTION_ORDER);
    }

    /** The proxy to use now, or empty when every proxy is burned (or there are none). */
    public synchronized Optional<ProxyEndpoint> current() {
        return first(ProxyStatus.ACTIVE).or(() -> first(ProxyStatus.STANDBY)).map(ProxyAssignment::proxy);
    }

    /**
     * Marks the current proxy burned and returns the one to use next (empty when none is left). Does nothing and
     * returns empty when there is no current proxy.
     */
    public synchronized Optional<ProxyEndpoint> rotate() {
        Optional<ProxyEndpoint> failing = current();
        return failing.isEmpty() ? Optional.empty() : rotateAway(failing.get().label());
    }

    /**
     * Marks the named proxy burned and returns the one to use now (empty when none is left): a health check that
     * found {@code label} failing burns that proxy even if the current one changed meanwhile.
     */
    public synchronized Optional<ProxyEndpoint> rotateAway(String label) {
        setStatus(label, ProxyStatus.BURNED);
        return current();
    }

    /** Sets a proxy's status, e.g. back to {@code STANDBY} once an operator fixed a burned one. */
    public synchronized void setStatus(String label, ProxyStatus status) {
        for (int i = 0; i < assignments.size(); i++) {
            if (assignments.get(i).label().equals(label)) {
                assignments.set(i, assignments.get(i).withStatus(status));
                assignments.sort(ProxyAssignment.SELECTION_ORDER);
                return;
            }
        }
        throw new IllegalArgumentException("no proxy '" + label + "' is assigned");
    }

    /** Every assignment with its current status, in selection order. */
    public synchronized List<ProxyAssignment> assignments() {
        return List.copyOf(assignments);
    }

    private Optional<ProxyAssignment> first(ProxyStatus status) {
        return assignments.stream().filter(a -> a.status() == status).findFirst();
    }

    @Override
    public synchronized String toString() {
        return "ProxySelection" + assignments.stream()
                .map(a -> a.proxy().describe() + " p" + a.priority() + " " + a.status()).toList();
    }
}
