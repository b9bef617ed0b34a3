package dev.perpflow.exchange.net;

import java.util.Comparator;
import java.util.Objects;

/**
 * One proxy assigned to an account: lower {@code priority} is preferred; see {@link ProxySelection} for the order.
 */
public record ProxyAssignment(ProxyEndpoint proxy, int priority, ProxyStatus status) {

    /** (priority, status rank, label): the order {@link ProxySelection} walks. */
    public static final Comparator<ProxyAssignment> SELECTION_ORDER = Comparator
            .comparingInt(ProxyAssignment::priority)
            .thenComparingInt(a -> a.status().rank())
            .thenComparing(a -> a.proxy().label());

    public ProxyAssignment {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(status, "status");
    }

    public ProxyAssignment withStatus(ProxyStatus newStatus) {
        return new ProxyAssignment(proxy, priority, newStatus);
    }

    public String label() {
        return proxy.label();
    }
}
